using Realtime.Grains.Policies;

namespace Realtime.Server.Api;

/// <summary>One running complaint or case in a recalculation answer, with the clocks that read differently.</summary>
public sealed record RecalculatedItemResource(
    string Kind,
    string Id,
    string? CaseType,
    string? TeamId,
    string? AgentId,
    string VersionBefore,
    string VersionAfter,
    IReadOnlyList<ClockChangeResource> Clocks)
{
    /// <summary>The wire form of <paramref name="i"/>.</summary>
    public static RecalculatedItemResource Of(PolicyRecalculation i) =>
        new(i.Kind, i.Id, i.CaseType, i.TeamId, i.AgentId, i.VersionBefore, i.VersionAfter, [.. i.Clocks.Select(ClockChangeResource.Of)]);
}
