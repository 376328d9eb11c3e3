using Realtime.Domain.Clocks;

namespace Realtime.Domain.Complaints;

/// <summary>How one clock of a complaint ended, for team KPIs (e.g. resolved within 48 h).</summary>
/// <param name="Clock">Clock name.</param>
/// <param name="State">The clock's state at the instant asked; null when not started.</param>
/// <param name="StoppedAt">When it stopped; null while it can still count.</param>
/// <param name="BreachedAt">When it breached, if it did.</param>
public sealed record ClockOutcome(string Clock, ClockState? State, DateTimeOffset? StoppedAt, DateTimeOffset? BreachedAt)
{
    /// <summary>The clock has stopped, so its outcome is final (until a reopen).</summary>
    public bool Ended => StoppedAt is not null;
    /// <summary>Stopped within its target.</summary>
    public bool EndedMet => Ended && State == ClockState.Met;
    /// <summary>Stopped after its target.</summary>
    public bool EndedBreached => Ended && State == ClockState.Breached;
}
