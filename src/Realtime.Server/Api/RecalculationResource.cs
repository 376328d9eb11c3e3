using Realtime.Grains.Policies;

namespace Realtime.Server.Api;

/// <summary>The answer of <c>POST /api/policies/recalculate</c>: what moved (a dry run) or was moved, and why.</summary>
public sealed record RecalculationResource(
    bool DryRun,
    string? Reason,
    PolicyVersionsResource PolicyVersions,
    int Examined,
    int Recalculated,
    int DueTimesMoved,
    int BreachesAppear,
    int BreachesVanish,
    IReadOnlyList<RecalculatedItemResource> Items)
{
    /// <summary>The wire form of <paramref name="report"/>, given for <paramref name="reason"/>.</summary>
    public static RecalculationResource Of(PolicyRecalculationReport report, string? reason)
    {
        var clocks = report.Items.SelectMany(i => i.Clocks).ToList();
        return new(!report.Applied, reason, new PolicyVersionsResource(report.ComplaintsVersion, report.CasesVersion), report.Examined, report.Items.Count,
            clocks.Count(c => c.DueAtMoves), clocks.Count(c => c.BreachAppears), clocks.Count(c => c.BreachVanishes),
            [.. report.Items.Select(RecalculatedItemResource.Of)]);
    }
}
