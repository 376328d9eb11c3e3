using Realtime.Domain.Cases;
using Realtime.Grains.Live;

namespace Realtime.Server.Api;

/// <summary>A generic case on the wire (<c>GET /api/cases/{id}</c>); attributes keep their JSON kinds, personal ones masked by the domain view.</summary>
public sealed record CaseResource(
    string Id,
    string? CaseType,
    string Status,
    string? TeamId,
    string? AgentId,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyDictionary<string, object?> Attributes,
    IReadOnlyDictionary<string, int> Steps,
    IReadOnlyList<ClockResource> Clocks,
    int EscalationLevel,
    string? EscalationRole)
{
    /// <summary>The wire form of <paramref name="view"/>.</summary>
    public static CaseResource From(CaseView view) => new(
        view.Id,
        view.CaseType,
        view.Status switch { CaseStatus.Paused => "paused", CaseStatus.Closed => "closed", _ => "open" },
        view.TeamId,
        view.AgentId,
        view.OpenedAt,
        view.ClosedAt,
        view.Attributes.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal),
        view.Steps,
        view.Clocks.Select(ClockResource.From).ToList(),
        view.EscalationLevel,
        view.EscalationLevel == 0 ? null : EscalationRoles.WireName(view.EscalationRole));
}
