using Realtime.Domain.Clocks;

namespace Realtime.Server.Api;

/// <summary>
/// A clock on the wire: states as camelCase words (<c>notStarted</c> before its start event), durations as ISO 8601.
/// A clock on a working-time calendar names it, and says when it is outside working hours and when it counts again,
/// or, inside working hours, when it stops counting before its due time and when it counts again after that.
/// <c>asOf</c> is the instant <c>elapsed</c> and <c>remaining</c> were computed at.
/// </summary>
public sealed record ClockResource(string Name, string State, TimeSpan Target, TimeSpan Elapsed, TimeSpan Remaining, DateTimeOffset? DueAt, DateTimeOffset? BreachedAt, DateTimeOffset? StartedAt, DateTimeOffset? StoppedAt,
    string? Calendar = null, bool OutsideWorkingHours = false, DateTimeOffset? CountingResumesAt = null, string? PolicyVersion = null,
    DateTimeOffset? CountingPausesAt = null, DateTimeOffset? CountingResumesAfterPauseAt = null, DateTimeOffset? AsOf = null)
{
    /// <summary>The wire form of <paramref name="c"/> (a complaint's or a case's clock).</summary>
    public static ClockResource From(ClockView c) =>
        new(c.Name, StateName(c.State), c.Target, c.Elapsed, c.Remaining, c.DueAt, c.BreachedAt, c.StartedAt, c.StoppedAt, c.Calendar, c.OutsideWorkingHours, c.CountingResumesAt, c.PolicyVersion,
            c.CountingPausesAt, c.CountingResumesAfterPauseAt, c.AsOf);

    /// <summary>A clock state's wire name (<c>notStarted</c> for null).</summary>
    internal static string StateName(ClockState? state) => state switch
    {
        ClockState.Running => "running",
        ClockState.Paused => "paused",
        ClockState.Met => "met",
        ClockState.Breached => "breached",
        _ => "notStarted",
    };
}
