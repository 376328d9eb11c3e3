using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Grains.Live;

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

/// <summary>A complaint on the wire (<c>GET /api/complaints/{id}</c> and <c>complaintChanged</c>); customer data is already masked by the domain view.</summary>
public sealed record ComplaintResource(
    string Id,
    string Status,
    string? TeamId,
    string? AgentId,
    string? AboutAgentId,
    string? Category,
    string? Channel,
    string Severity,
    string? CustomerName,
    string? CustomerPhone,
    DateTimeOffset? OpenedAt,
    int EscalationLevel,
    string? EscalationRole,
    IReadOnlyList<ClockResource> Clocks)
{
    /// <summary>The wire form of <paramref name="view"/>.</summary>
    public static ComplaintResource From(ComplaintView view) => new(
        view.Id,
        view.Status switch { ComplaintStatus.Paused => "paused", ComplaintStatus.Resolved => "resolved", _ => "open" },
        view.TeamId,
        view.AgentId,
        view.AboutAgentId,
        view.Category,
        view.Channel,
        view.Severity == Domain.Events.Severity.High ? "high" : "normal",
        view.CustomerName,
        view.CustomerPhone,
        view.OpenedAt,
        view.EscalationLevel,
        view.EscalationLevel == 0 ? null : EscalationRoles.WireName(view.EscalationRole),
        view.Clocks.Select(ClockResource.From).ToList());
}
