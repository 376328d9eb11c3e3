using Realtime.Domain.Complaints;
using Realtime.Grains.Live;

namespace Realtime.Server.Api;

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
