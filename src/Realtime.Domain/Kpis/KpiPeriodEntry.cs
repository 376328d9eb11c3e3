namespace Realtime.Domain.Kpis;

/// <summary>
/// One period of a team's (or the floor's) KPI series: counts and rates over the period's local dates, computed as the
/// daily series computes a day (so a one-day period equals that day's <see cref="KpiDay"/>). The current period runs to today.
/// </summary>
/// <param name="First">The first local date of the period.</param>
/// <param name="Last">The last local date counted (the period's end, or today for the current period).</param>
/// <param name="Retained">False when the period starts before the history kept (its figures would be partial: counts are null).</param>
/// <param name="ComplaintsOpened">Complaints opened; null when not retained.</param>
/// <param name="ComplaintsResolved">Complaints resolved; null when not retained.</param>
/// <param name="Breaches">Clock breaches; null when not retained.</param>
/// <param name="ServicesHandled">Services handled; null when not retained.</param>
/// <param name="ResolvedWithin48hRate">Percent of the period's resolutions within 48 h.</param>
/// <param name="QuickResolution7dRate">Percent of the period's resolutions within 7 days.</param>
/// <param name="AverageFirstResponseSeconds">Mean first response, seconds.</param>
/// <param name="SatisfactionAverage10">Mean survey score on the 1–10 scale.</param>
/// <param name="FirstContactResolutionRate">Percent of services resolved at first contact.</param>
/// <param name="FollowupRecordCompliance">Percent of follow-up records entered within 24 h of the visit.</param>
public sealed record KpiPeriodEntry(
    DateOnly First,
    DateOnly Last,
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
