namespace Realtime.Domain.Kpis;

/// <summary>
/// One local date of a team's (or the floor's) KPI trend: the day's counts and its rates, each computed over that day
/// alone exactly as the <c>today</c> window computes them, so the newest point equals today's pushed KPIs.
/// Follow-up coverage is not in it: it is a quarter-to-date ratio of distinct customers, not a daily figure.
/// </summary>
/// <param name="Date">The local date (company zone).</param>
/// <param name="Retained">False for a date before the history kept (its counts and rates are unknown, not zero).</param>
/// <param name="ComplaintsOpened">Complaints opened that day; null when not retained.</param>
/// <param name="ComplaintsResolved">Complaints resolved that day; null when not retained.</param>
/// <param name="Breaches">Clock breaches that day; null when not retained.</param>
/// <param name="ServicesHandled">Services handled that day; null when not retained.</param>
/// <param name="ResolvedWithin48hRate">Percent of the day's resolutions within 48 h.</param>
/// <param name="QuickResolution7dRate">Percent of the day's resolutions within 7 days.</param>
/// <param name="AverageFirstResponseSeconds">Mean of the day's first responses, seconds.</param>
/// <param name="SatisfactionAverage10">Mean of the day's surveys on the 1–10 scale.</param>
/// <param name="FirstContactResolutionRate">Percent of the day's services resolved at first contact.</param>
/// <param name="FollowupRecordCompliance">Percent of the day's follow-up records entered within 24 h of the visit.</param>
public sealed record KpiDay(
    DateOnly Date,
    bool Retained,
    int? ComplaintsOpened,
    int? ComplaintsResolved,
    int? Breaches,
    int? ServicesHandled,
    Kpi ResolvedWithin48hRate,
    Kpi QuickResolution7dRate,
    Kpi AverageFirstResponseSeconds,
    Kpi SatisfactionAverage10,
    Kpi FirstContactResolutionRate,
    Kpi FollowupRecordCompliance);
