using Realtime.Domain.Kpis;
using Realtime.Grains.Teams;

namespace Realtime.Server.Api;

/// <summary>One date of a daily series on the wire: counts (null before the kept history) and rates as <see cref="KpiResource"/> (value null = no data).</summary>
/// <param name="Date">The local date.</param>
/// <param name="Retained">False when the date is older than the history kept.</param>
/// <param name="ComplaintsOpened">Complaints opened.</param>
/// <param name="ComplaintsResolved">Complaints resolved.</param>
/// <param name="Breaches">Clock breaches.</param>
/// <param name="ServicesHandled">Services handled.</param>
/// <param name="ResolvedWithin48hRate">Percent of resolutions within 48 h.</param>
/// <param name="QuickResolution7dRate">Percent of resolutions within 7 days.</param>
/// <param name="AverageFirstResponseSeconds">Mean first response, seconds.</param>
/// <param name="SatisfactionAverage10">Mean survey score, 1–10.</param>
/// <param name="FirstContactResolutionRate">Percent of services resolved at first contact.</param>
/// <param name="FollowupRecordCompliance">Percent of follow-up records entered within 24 h.</param>
public sealed record KpiDayResource(
    DateOnly Date,
    bool Retained,
    int? ComplaintsOpened,
    int? ComplaintsResolved,
    int? Breaches,
    int? ServicesHandled,
    KpiResource ResolvedWithin48hRate,
    KpiResource QuickResolution7dRate,
    KpiResource AverageFirstResponseSeconds,
    KpiResource SatisfactionAverage10,
    KpiResource FirstContactResolutionRate,
    KpiResource FollowupRecordCompliance)
{
    /// <summary>The wire form of <paramref name="day"/>.</summary>
    public static KpiDayResource Of(KpiDay day) => new(
        day.Date, day.Retained, day.ComplaintsOpened, day.ComplaintsResolved, day.Breaches, day.ServicesHandled,
        KpiResource.From(day.ResolvedWithin48hRate), KpiResource.From(day.QuickResolution7dRate),
        KpiResource.From(day.AverageFirstResponseSeconds), KpiResource.From(day.SatisfactionAverage10),
        KpiResource.From(day.FirstContactResolutionRate), KpiResource.From(day.FollowupRecordCompliance));
}
