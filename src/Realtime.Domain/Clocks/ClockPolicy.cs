using Realtime.Domain.Calendars;
using Realtime.Domain.Events;

namespace Realtime.Domain.Clocks;

/// <summary>
/// One SLA clock as data (like a ServiceNow SLA definition): it starts at the first <see cref="StartEvent"/>,
/// stops at the first <see cref="StopEvent"/> after that (or when the complaint is resolved), and is due when its
/// running time reaches <see cref="Target"/>. Time is counted 24×7, or only in the working time of
/// <see cref="Calendar"/> when the clock names one.
/// </summary>
/// <param name="Name">Unique name within a policy, e.g. <c>firstResponse</c>; also the configuration key.</param>
/// <param name="StartEvent">The event type whose first occurrence starts the clock.</param>
/// <param name="StopEvent">The event type whose first occurrence after the start stops the clock.</param>
/// <param name="Target">Running time allowed before the clock is breached; positive.</param>
/// <param name="WarnAt">Fractions of <see cref="Target"/>, each in (0, 1), ascending, at which a pre-breach warning is due.</param>
/// <param name="Pausable">Whether <c>complaint.paused</c> stops the clock until <c>complaint.resumed</c>.</param>
/// <param name="OnReopen">Resume or restart when the complaint is reopened; only applies when <see cref="StopEvent"/> is <c>complaint.resolved</c>.</param>
/// <param name="Escalates">Whether this clock's breach starts the escalation chain.</param>
public sealed record ClockPolicy(
    string Name,
    EventType StartEvent,
    EventType StopEvent,
    TimeSpan Target,
    IReadOnlyList<double> WarnAt,
    bool Pausable,
    ReopenRule OnReopen,
    bool Escalates = true)
{
    /// <summary>The default warning fractions: 50 %, 75 % and 90 % of the target.</summary>
    public static IReadOnlyList<double> DefaultWarnAt { get; } = [0.5, 0.75, 0.9];

    /// <inheritdoc cref="ClockPolicy" path="/param[@name='Name']"/>
    public string Name { get; init; } = !string.IsNullOrWhiteSpace(Name) ? Name : throw new ArgumentException("A clock needs a name.", nameof(Name));

    /// <inheritdoc cref="ClockPolicy" path="/param[@name='Target']"/>
    public TimeSpan Target { get; init; } = Target > TimeSpan.Zero ? Target : throw new ArgumentOutOfRangeException(nameof(Target), Target, "A clock's target must be positive.");

    /// <inheritdoc cref="ClockPolicy" path="/param[@name='WarnAt']"/>
    public IReadOnlyList<double> WarnAt { get; init; } = CheckWarnAt(WarnAt);

    /// <summary>
    /// The working calendar whose working time this clock counts (<c>Sla:Clocks:&lt;name&gt;:Calendar</c>): elapsed and
    /// remaining time, warnings, the breach and the escalation it starts then count working time only. Null counts 24×7.
    /// </summary>
    public WorkingCalendar? Calendar { get; init; }

    /// <summary>The running time at which the warning at <paramref name="fraction"/> is due, rounded to the tick.</summary>
    public TimeSpan TimeAtFraction(double fraction) => TimeSpan.FromTicks((long)Math.Round(Target.Ticks * fraction, MidpointRounding.AwayFromZero));

    /// <summary>Value equality, including the warning fractions element by element.</summary>
    public bool Equals(ClockPolicy? other) =>
        other is not null && Name == other.Name && StartEvent == other.StartEvent && StopEvent == other.StopEvent && Target == other.Target
        && WarnAt.SequenceEqual(other.WarnAt) && Pausable == other.Pausable && OnReopen == other.OnReopen && Escalates == other.Escalates
        && Equals(Calendar, other.Calendar);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, StartEvent, StopEvent, Target, WarnAt.Count, Pausable, OnReopen, Escalates);

    private static IReadOnlyList<double> CheckWarnAt(IReadOnlyList<double> warnAt)
    {
        ArgumentNullException.ThrowIfNull(warnAt);
        for (var i = 0; i < warnAt.Count; i++)
        {
            if (!(warnAt[i] > 0 && warnAt[i] < 1))
                throw new ArgumentOutOfRangeException(nameof(WarnAt), warnAt[i], "Warning fractions must be strictly between 0 and 1.");
            if (i > 0 && warnAt[i] <= warnAt[i - 1])
                throw new ArgumentException("Warning fractions must be strictly ascending.", nameof(WarnAt));
        }
        return warnAt.ToArray();
    }
}
