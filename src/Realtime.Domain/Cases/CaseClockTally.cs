using Realtime.Domain.Calendars;

namespace Realtime.Domain.Cases;

/// <summary>
/// Met and breached counts of case clocks per local day (the day the outcome was decided: the stop of a met clock, the
/// breach of a breached one), from which a team's or the floor's <see cref="CaseClockKpi"/>s over any window are summed.
/// Plain data for System.Text.Json. Days older than <see cref="KeptDays"/> before the latest are dropped.
/// </summary>
public sealed class CaseClockTally
{
    /// <summary>How many days are kept: a quarter to date and then some.</summary>
    public const int KeptDays = 100;

    /// <summary>Counts by day, then by clock name: [met, breached].</summary>
    public SortedDictionary<DateOnly, Dictionary<string, int[]>> Days { get; set; } = [];

    /// <summary>Counts one outcome of <paramref name="clock"/> on <paramref name="day"/>.</summary>
    public void Record(string clock, DateOnly day, bool met)
    {
        ArgumentException.ThrowIfNullOrEmpty(clock);
        if (!Days.TryGetValue(day, out var clocks)) Days[day] = clocks = new(StringComparer.Ordinal);
        if (!clocks.TryGetValue(clock, out var counts)) clocks[clock] = counts = new int[2];
        counts[met ? 0 : 1]++;
        var oldest = Days.Keys.Last().AddDays(-KeptDays);
        while (Days.Count > 0 && Days.Keys.First() < oldest) Days.Remove(Days.Keys.First());
    }

    /// <summary>Every clock's compliance over <paramref name="range"/> (inclusive), by clock name; clocks with no outcome in it are left out.</summary>
    public IReadOnlyList<CaseClockKpi> Kpis(LocalDateRange range)
    {
        var sums = new SortedDictionary<string, (int Met, int Breached)>(StringComparer.Ordinal);
        foreach (var (day, clocks) in Days)
        {
            if (day < range.First || day > range.Last) continue;
            foreach (var (clock, counts) in clocks)
            {
                var (met, breached) = sums.GetValueOrDefault(clock);
                sums[clock] = (met + counts[0], breached + counts[1]);
            }
        }
        return sums.Select(p => new CaseClockKpi(p.Key, p.Value.Met, p.Value.Breached,
            p.Value.Met + p.Value.Breached == 0 ? null : Math.Round(100.0 * p.Value.Met / (p.Value.Met + p.Value.Breached), 1))).ToArray();
    }
}
