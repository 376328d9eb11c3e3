using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;

namespace Realtime.Grains.Teams;

/// <summary>
/// A team's (or the floor's) KPIs on the wire, as the boards answer and <c>kpiChanged</c> pushes them. Open, paused and
/// breached counts are the state now; rates are over the window (follow-up coverage: quarter to date).
/// </summary>
/// <param name="TeamId">The team, or <c>floor</c>.</param>
/// <param name="Window"><c>today</c>, <c>7d</c> or <c>qtd</c>.</param>
/// <param name="Quarter">The current quarter.</param>
/// <param name="From">First local date of the window.</param>
/// <param name="To">Last local date of the window.</param>
/// <param name="OpenComplaints">Open now (paused included).</param>
/// <param name="PausedComplaints">Paused now.</param>
/// <param name="BreachedComplaints">Open with a breached clock.</param>
/// <param name="ComplaintsOpened">Opened in the window.</param>
/// <param name="ComplaintsResolved">Resolved in the window.</param>
/// <param name="ResolvedWithin48hRate">Percent resolved within 48 h (target 95).</param>
/// <param name="QuickResolution7dRate">Percent resolved within 7 days.</param>
/// <param name="AverageFirstResponseSeconds">Mean first response, seconds.</param>
/// <param name="SatisfactionAverage">Mean survey score, 0–100.</param>
/// <param name="SatisfactionAverage10">Mean survey score on the 1–10 scale (target 8).</param>
/// <param name="FirstContactResolutionRate">Percent of services resolved at first contact.</param>
/// <param name="FollowupCoverage">Percent of customers followed up this quarter (target 95).</param>
/// <param name="FollowupRecordCompliance">Percent of follow-up records entered within 24 h (target 100).</param>
/// <param name="ComplaintsByCategory">Complaints opened in the window per category.</param>
public sealed record KpisResource(
    string TeamId,
    string Window,
    string Quarter,
    DateOnly From,
    DateOnly To,
    int OpenComplaints,
    int PausedComplaints,
    int BreachedComplaints,
    int ComplaintsOpened,
    int ComplaintsResolved,
    KpiResource ResolvedWithin48hRate,
    KpiResource QuickResolution7dRate,
    KpiResource AverageFirstResponseSeconds,
    KpiResource SatisfactionAverage,
    KpiResource SatisfactionAverage10,
    KpiResource FirstContactResolutionRate,
    KpiResource FollowupCoverage,
    KpiResource FollowupRecordCompliance,
    IReadOnlyDictionary<string, int> ComplaintsByCategory)
{
    /// <summary>The wire form of <paramref name="kpis"/>.</summary>
    public static KpisResource Of(TeamKpis kpis) => new(
        kpis.TeamId, kpis.Window.ToWireName(), kpis.Quarter.ToString(), kpis.From, kpis.To,
        kpis.OpenComplaints, kpis.PausedComplaints, kpis.BreachedComplaints, kpis.ComplaintsOpened, kpis.ComplaintsResolved,
        KpiResource.From(kpis.ResolvedWithin48hRate), KpiResource.From(kpis.QuickResolution7dRate),
        KpiResource.From(kpis.AverageFirstResponseSeconds), KpiResource.From(kpis.SatisfactionAverage),
        KpiResource.From(kpis.SatisfactionAverage10), KpiResource.From(kpis.FirstContactResolutionRate),
        KpiResource.From(kpis.FollowupCoverage), KpiResource.From(kpis.FollowupRecordCompliance), kpis.ComplaintsByCategory);

    /// <summary>True when <paramref name="other"/> shows the same values (categories compared by content).</summary>
    public bool SameValues(KpisResource? other) =>
        other is not null
        && this with { ComplaintsByCategory = EmptyCategories } == other with { ComplaintsByCategory = EmptyCategories }
        && ComplaintsByCategory.Count == other.ComplaintsByCategory.Count
        && ComplaintsByCategory.All(p => other.ComplaintsByCategory.TryGetValue(p.Key, out var n) && n == p.Value);

    private static readonly IReadOnlyDictionary<string, int> EmptyCategories = new Dictionary<string, int>();
}
