using Realtime.Domain.Kpis;
using Realtime.Grains.Teams;

namespace Realtime.Server.Api;

/// <summary>One period of a weekly or monthly series on the wire: like a day of the daily series, over <c>from</c>–<c>to</c> (local dates, inclusive).</summary>
public sealed record KpiPeriodResource(
    DateOnly From,
    DateOnly To,
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
    /// <summary>The wire form of <paramref name="entry"/>.</summary>
    public static KpiPeriodResource Of(KpiPeriodEntry entry) => new(
        entry.First, entry.Last, entry.Retained, entry.ComplaintsOpened, entry.ComplaintsResolved, entry.Breaches, entry.ServicesHandled,
        KpiResource.From(entry.ResolvedWithin48hRate), KpiResource.From(entry.QuickResolution7dRate),
        KpiResource.From(entry.AverageFirstResponseSeconds), KpiResource.From(entry.SatisfactionAverage10),
        KpiResource.From(entry.FirstContactResolutionRate), KpiResource.From(entry.FollowupRecordCompliance));
}
