using Realtime.Domain.Kpis;
using Realtime.Reports;

namespace Realtime.Server.Api;

/// <summary>A weekly or monthly KPI series on the wire (see <see cref="PeriodKpis"/>).</summary>
/// <param name="TeamId">The team, or <c>floor</c>.</param>
/// <param name="Period"><c>weekly</c> or <c>monthly</c> (<c>daily</c> for days).</param>
/// <param name="Entries">One entry per period, oldest first; the last is the current period up to today.</param>
public sealed record PeriodKpisResource(string TeamId, string Period, IReadOnlyList<KpiPeriodResource> Entries)
{
    /// <summary>The wire form of <paramref name="series"/>.</summary>
    public static PeriodKpisResource Of(PeriodKpis series) => new(series.TeamId, KpiSeriesReport.Adverb(series.Period), series.Entries.Select(KpiPeriodResource.Of).ToList());
}
