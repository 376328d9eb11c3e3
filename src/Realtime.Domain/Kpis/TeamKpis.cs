using Realtime.Domain.Calendars;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Kpis;

/// <summary>
/// A team's (or, from a merged <see cref="TeamActivity"/>, the floor's) KPIs over a window. Counts of open, paused
/// and breached complaints are the state now; the rates are over the window's days, except follow-up coverage,
/// which is always quarter to date because the policy is "each customer at least once a quarter".
/// </summary>
/// <param name="TeamId">The team or scope.</param>
/// <param name="Window">The window.</param>
/// <param name="Quarter">The quarter containing now.</param>
/// <param name="From">First local date of the window.</param>
/// <param name="To">Last local date of the window (inclusive).</param>
/// <param name="OpenComplaints">Complaints open now (paused ones included).</param>
/// <param name="PausedComplaints">Open complaints whose clocks are paused.</param>
/// <param name="BreachedComplaints">Open complaints with at least one breached clock.</param>
/// <param name="ComplaintsOpened">Complaints opened in the window.</param>
/// <param name="ComplaintsResolved">Complaints resolved in the window.</param>
/// <param name="ResolvedWithin48hRate">Resolutions within 48 h ÷ resolutions in the window, percent.</param>
/// <param name="QuickResolution7dRate">Resolutions within 7 days ÷ resolutions in the window, percent.</param>
/// <param name="AverageFirstResponseSeconds">Mean first response to complaints, seconds.</param>
/// <param name="SatisfactionAverage">Mean survey score on the 0–100 scale (target = the 1–10 target × 10).</param>
/// <param name="SatisfactionAverage10">Mean survey score on the 1–10 scale (score ÷ 10).</param>
/// <param name="FirstContactResolutionRate">Services resolved at first contact ÷ services handled, percent.</param>
/// <param name="FollowupCoverage">
/// Customers followed up ÷ customers seen, percent, quarter to date. A customer is <em>seen</em> when a complaint of
/// the team names them (<c>customerId</c> of <c>complaint.opened</c>) or one of the team's agents visits them
/// (<c>followup.completed</c>) in the quarter; <em>followed up</em> when a follow-up visit of the team falls in the quarter.
/// Distinct customers, counted by a 64-bit hash of their id.
/// </param>
/// <param name="FollowupRecordCompliance">Follow-up records entered within 24 h of the visit ÷ records entered in the window, percent.</param>
/// <param name="ComplaintsByCategory">Complaints opened in the window per category (<c>unspecified</c> when none was given).</param>
public sealed record TeamKpis(
    string TeamId,
    ScorecardWindow Window,
    Quarter Quarter,
    DateOnly From,
    DateOnly To,
    int OpenComplaints,
    int PausedComplaints,
    int BreachedComplaints,
    int ComplaintsOpened,
    int ComplaintsResolved,
    Kpi ResolvedWithin48hRate,
    Kpi QuickResolution7dRate,
    Kpi AverageFirstResponseSeconds,
    Kpi SatisfactionAverage,
    Kpi SatisfactionAverage10,
    Kpi FirstContactResolutionRate,
    Kpi FollowupCoverage,
    Kpi FollowupRecordCompliance,
    IReadOnlyDictionary<string, int> ComplaintsByCategory)
{
    /// <summary>The KPIs of <paramref name="activity"/> over <paramref name="window"/> at instant <paramref name="now"/>, with the scope's <paramref name="open"/> complaints now.</summary>
    public static TeamKpis Compute(TeamActivity activity, ScorecardWindow window, DateTimeOffset now, KpiTargets targets, OpenComplaintCounts open)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(targets);
        var calendar = activity.Calendar;
        var days = window.DaysAt(now, calendar);
        var quarter = calendar.QuarterOf(now);
        var t = activity.Totals(days);
        double? satisfaction = Ratio(t.SurveyScoreSum, t.SurveyCount, 1);
        var customers = activity.CustomersIn(quarter);
        return new TeamKpis(
            activity.TeamId,
            window,
            quarter,
            days.First,
            days.Last,
            open.Open,
            open.Paused,
            open.Breached,
            t.ComplaintsOpened,
            t.ComplaintsResolved,
            ResolvedWithin48hKpi(t, targets),
            QuickResolution7dKpi(t, targets),
            AverageFirstResponseKpi(t, targets),
            new Kpi(satisfaction, targets.SatisfactionAverage10 * 10),
            Satisfaction10Kpi(t, targets),
            FirstContactResolutionKpi(t, targets),
            new Kpi(customers is null ? null : Ratio(customers.FollowedUp.Count, customers.Seen.Count, 100), targets.FollowupCoverage),
            FollowupRecordComplianceKpi(t, targets),
            new SortedDictionary<string, int>(t.OpenedByCategory, StringComparer.Ordinal));
    }

    // The rates over a sum of daily buckets, shared with the daily series so a day's point equals that day's "today" KPI.
    internal static Kpi ResolvedWithin48hKpi(TeamDay t, KpiTargets targets) =>
        new(Ratio(t.ResolvedWithin48h, t.ComplaintsResolved, 100), targets.ResolvedWithin48hRate);

    internal static Kpi QuickResolution7dKpi(TeamDay t, KpiTargets targets) =>
        new(Ratio(t.ResolvedWithin7d, t.ComplaintsResolved, 100), targets.QuickResolution7dRate);

    internal static Kpi AverageFirstResponseKpi(TeamDay t, KpiTargets targets) =>
        new(Ratio(t.FirstResponseMillisecondsSum, t.FirstResponseCount, 0.001), targets.AverageFirstResponseSeconds, KpiGoal.AtMost);

    internal static Kpi Satisfaction10Kpi(TeamDay t, KpiTargets targets) =>
        new(Ratio(t.SurveyScoreSum, t.SurveyCount, 1) / 10, targets.SatisfactionAverage10);

    internal static Kpi FirstContactResolutionKpi(TeamDay t, KpiTargets targets) =>
        new(Ratio(t.FirstContactResolved, t.ServicesHandled, 100), targets.FirstContactResolutionRate);

    internal static Kpi FollowupRecordComplianceKpi(TeamDay t, KpiTargets targets) =>
        new(Ratio(t.FollowupsEnteredWithin24h, t.FollowupsCompleted, 100), targets.FollowupRecordCompliance);

    private static double? Ratio(double numerator, int denominator, double scale) =>
        denominator == 0 ? null : numerator * scale / denominator;
}
