using Realtime.Domain.Kpis;

namespace Realtime.Server.Api;

/// <summary>A daily KPI series on the wire (see <see cref="DailyKpis"/>).</summary>
/// <param name="TeamId">The team, or <c>floor</c>.</param>
/// <param name="From">The first local date.</param>
/// <param name="To">The last local date (today).</param>
/// <param name="Days">One entry per date, oldest first.</param>
public sealed record DailyKpisResource(string TeamId, DateOnly From, DateOnly To, IReadOnlyList<KpiDayResource> Days)
{
    /// <summary>The wire form of <paramref name="series"/>.</summary>
    public static DailyKpisResource Of(DailyKpis series) => new(series.TeamId, series.From, series.To, series.Days.Select(KpiDayResource.Of).ToList());
}
