namespace Realtime.Domain.Kpis;

/// <summary>A team's (or the floor's) KPIs per local date over the last <see cref="Days"/>.Count days, oldest first, ending today.</summary>
/// <param name="TeamId">The team, or <c>floor</c>.</param>
/// <param name="From">The first date.</param>
/// <param name="To">The last date (today).</param>
/// <param name="Days">One entry per date from <paramref name="From"/> to <paramref name="To"/>, days without activity included.</param>
public sealed record DailyKpis(string TeamId, DateOnly From, DateOnly To, IReadOnlyList<KpiDay> Days)
{
    /// <summary>The most days a series may ask for (the team history keeps at least the previous quarter).</summary>
    public const int MaxDays = 90;

    /// <summary>The daily series of <paramref name="activity"/> for the <paramref name="days"/> local dates ending on the date of <paramref name="now"/>.</summary>
    public static DailyKpis Compute(TeamActivity activity, int days, DateTimeOffset now, KpiTargets targets)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        // The daily series is the one-day period series, in the shape the daily routes have always answered.
        var periods = PeriodKpis.Compute(activity, KpiPeriod.Day, days, now, targets);
        var series = new KpiDay[periods.Entries.Count];
        for (var i = 0; i < series.Length; i++)
        {
            var e = periods.Entries[i];
            series[i] = new KpiDay(e.First, e.Retained, e.ComplaintsOpened, e.ComplaintsResolved, e.Breaches, e.ServicesHandled,
                e.ResolvedWithin48hRate, e.QuickResolution7dRate, e.AverageFirstResponseSeconds, e.SatisfactionAverage10,
                e.FirstContactResolutionRate, e.FollowupRecordCompliance);
        }

        return new DailyKpis(activity.TeamId, series[0].Date, series[^1].Date, series);
    }
}
