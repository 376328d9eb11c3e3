using Realtime.Domain.Calendars;
using Realtime.Domain.Kpis;

namespace Realtime.Domain.Quarters;

/// <summary>
/// A team's (or the department's) KPIs over a whole quarter, with targets and met/missed. Unlike the live
/// <see cref="TeamKpis"/> it holds no "open now" counts, so it depends only on the quarter's days.
/// Rates are percents; values are rounded to <see cref="FinalAppraisal.Decimals"/> decimals, <see cref="Kpi.Met"/> is decided on the exact value.
/// </summary>
/// <param name="ComplaintsOpened">Complaints opened in the quarter.</param>
/// <param name="ComplaintsResolved">Complaints resolved in the quarter.</param>
/// <param name="ServicesHandled">Services handled in the quarter.</param>
/// <param name="ResolvedWithin48hRate">Resolutions within 48 h ÷ resolutions, percent.</param>
/// <param name="QuickResolution7dRate">Resolutions within 7 days ÷ resolutions, percent.</param>
/// <param name="AverageFirstResponseSeconds">Mean first response to complaints, seconds (a ceiling).</param>
/// <param name="SatisfactionAverage10">Mean survey score on the 1–10 scale.</param>
/// <param name="FirstContactResolutionRate">Services resolved at first contact ÷ services, percent.</param>
/// <param name="FollowupCoverage">Customers followed up ÷ customers seen in the quarter, percent.</param>
/// <param name="FollowupRecordCompliance">Follow-up records entered within 24 h ÷ records, percent.</param>
/// <param name="ComplaintsByCategory">Complaints opened per category, by category (ordinal).</param>
public sealed record QuarterKpis(
    int ComplaintsOpened,
    int ComplaintsResolved,
    int ServicesHandled,
    QuarterKpi ResolvedWithin48hRate,
    QuarterKpi QuickResolution7dRate,
    QuarterKpi AverageFirstResponseSeconds,
    QuarterKpi SatisfactionAverage10,
    QuarterKpi FirstContactResolutionRate,
    QuarterKpi FollowupCoverage,
    QuarterKpi FollowupRecordCompliance,
    IReadOnlyDictionary<string, int> ComplaintsByCategory)
{
    /// <summary>The KPIs of <paramref name="activity"/> over the whole of <paramref name="quarter"/>.</summary>
    public static QuarterKpis Compute(TeamActivity activity, Quarter quarter, KpiTargets targets)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(targets);
        var t = activity.Totals(LocalDateRange.Of(quarter));
        var customers = activity.CustomersIn(quarter);
        return new QuarterKpis(
            t.ComplaintsOpened,
            t.ComplaintsResolved,
            t.ServicesHandled,
            QuarterKpi.Of(Ratio(t.ResolvedWithin48h, t.ComplaintsResolved, 100), targets.ResolvedWithin48hRate, KpiGoal.AtLeast),
            QuarterKpi.Of(Ratio(t.ResolvedWithin7d, t.ComplaintsResolved, 100), targets.QuickResolution7dRate, KpiGoal.AtLeast),
            QuarterKpi.Of(Ratio(t.FirstResponseMillisecondsSum, t.FirstResponseCount, 0.001), targets.AverageFirstResponseSeconds, KpiGoal.AtMost),
            QuarterKpi.Of(Ratio(t.SurveyScoreSum, t.SurveyCount, 0.1), targets.SatisfactionAverage10, KpiGoal.AtLeast),
            QuarterKpi.Of(Ratio(t.FirstContactResolved, t.ServicesHandled, 100), targets.FirstContactResolutionRate, KpiGoal.AtLeast),
            QuarterKpi.Of(customers is null ? null : Ratio(customers.FollowedUp.Count, customers.Seen.Count, 100), targets.FollowupCoverage, KpiGoal.AtLeast),
            QuarterKpi.Of(Ratio(t.FollowupsEnteredWithin24h, t.FollowupsCompleted, 100), targets.FollowupRecordCompliance, KpiGoal.AtLeast),
            new SortedDictionary<string, int>(t.OpenedByCategory, StringComparer.Ordinal));
    }

    /// <summary>The KPIs in snapshot order, by wire name.</summary>
    public IEnumerable<(string Name, QuarterKpi Kpi)> Named()
    {
        yield return ("resolvedWithin48hRate", ResolvedWithin48hRate);
        yield return ("quickResolution7dRate", QuickResolution7dRate);
        yield return ("averageFirstResponseSeconds", AverageFirstResponseSeconds);
        yield return ("satisfactionAverage10", SatisfactionAverage10);
        yield return ("firstContactResolutionRate", FirstContactResolutionRate);
        yield return ("followupCoverage", FollowupCoverage);
        yield return ("followupRecordCompliance", FollowupRecordCompliance);
    }

    private static double? Ratio(double numerator, int denominator, double scale) =>
        denominator == 0 ? null : numerator * scale / denominator;
}
