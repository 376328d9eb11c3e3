namespace Realtime.Domain.Calendars;

// The year tables behind every lookup: each year of the calendar precomputed as UTC ticks, built on first use.
public sealed partial class WorkingCalendar
{
    private static DateTimeOffset At(long utcTicks, TimeSpan offset) => new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(offset);

    /// <summary>Working ticks from the start of the table's year up to <paramref name="ticks"/>, which falls on <paramref name="day"/>.</summary>
    private static long WorkedBefore(YearTable table, int day, long ticks)
    {
        var worked = table.WorkedBeforeDay[day];
        for (var p = table.FirstPeriod[day]; p < table.FirstPeriod[day + 1]; p++)
        {
            var start = table.PeriodStarts[p];
            if (ticks <= start) break;
            var end = table.PeriodEnds[p];
            worked += (ticks < end ? ticks : end) - start;
        }

        return worked;
    }

    /// <summary>The year table and day index (0 = 1 January) of the local date on which <paramref name="ticks"/> (UTC) falls.</summary>
    private (YearTable Table, int Day) Locate(long ticks)
    {
        var table = Volatile.Read(ref _recent);
        if (table is null || ticks < table.DayStarts[0] || ticks >= table.DayStarts[table.Days])
        {
            var year = new DateTime(Math.Clamp(ticks + _baseOffsetTicks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Unspecified).Year;
            table = Year(year);
            // The base offset can put an instant near New Year in the neighbouring year.
            if (ticks < table.DayStarts[0]) table = Year(year - 1);
            else if (ticks >= table.DayStarts[table.Days]) table = Year(year + 1);
            Volatile.Write(ref _recent, table);
        }

        var day = (int)Math.Clamp((ticks - table.DayStarts[0]) / TimeSpan.TicksPerDay, 0, table.Days - 1);
        while (day > 0 && table.DayStarts[day] > ticks) day--;
        while (day < table.Days - 1 && table.DayStarts[day + 1] <= ticks) day++;
        return (table, day);
    }

    private YearTable YearAfter(YearTable table) => Year(table.Year + 1);

    private YearTable Year(int year)
    {
        if (year is < FirstYear or > LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Working calendars answer for the years {FirstYear} to {LastYear}.");
        ref var slot = ref _years[year - FirstYear];
        return Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, BuildYear(year), null) ?? Volatile.Read(ref slot)!;
    }

    private YearTable BuildYear(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var dayStarts = new long[days + 1];
        for (var d = 0; d <= days; d++)
            dayStarts[d] = ToUtcTicks(first.AddDays(d), TimeSpan.Zero, latest: false);

        var firstPeriod = new int[days + 1];
        var workedBefore = new long[days + 1];
        var starts = new List<long>(days * _periodStarts.Length);
        var ends = new List<long>(days * _periodStarts.Length);
        long worked = 0;
        for (var d = 0; d < days; d++)
        {
            firstPeriod[d] = starts.Count;
            workedBefore[d] = worked;
            var date = first.AddDays(d);
            if (!IsWorkingDay(date)) continue;
            var previousEnd = long.MinValue;
            for (var p = 0; p < _periodStarts.Length; p++)
            {
                var start = Math.Max(ToUtcTicks(date, _periodStarts[p], latest: false), previousEnd);
                var end = _periodEnds[p] == TimeSpan.FromDays(1) ? dayStarts[d + 1] : ToUtcTicks(date, _periodEnds[p], latest: true);
                if (end <= start) continue;
                starts.Add(start);
                ends.Add(end);
                worked += end - start;
                previousEnd = end;
            }
        }

        firstPeriod[days] = starts.Count;
        workedBefore[days] = worked;
        // Built backwards so a lookup of where working time stops is one read, not a walk over touching periods.
        var stretchEnds = new long[ends.Count];
        for (var p = ends.Count - 1; p >= 0; p--)
            stretchEnds[p] = p + 1 < ends.Count && starts[p + 1] == ends[p] ? stretchEnds[p + 1] : ends[p];
        return new YearTable(year, days, dayStarts, firstPeriod, [.. starts], [.. ends], workedBefore, stretchEnds);
    }

    /// <summary>
    /// The UTC ticks of wall time <paramref name="time"/> on <paramref name="date"/>: the earlier of two occurrences
    /// (or the later when <paramref name="latest"/>), and the instant of the change for a time skipped by one.
    /// </summary>
    private long ToUtcTicks(DateOnly date, TimeSpan time, bool latest)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + time;
        if (TimeZone.IsInvalidTime(local))
            return EndOfGap(local);
        if (TimeZone.IsAmbiguousTime(local))
        {
            var offsets = TimeZone.GetAmbiguousTimeOffsets(local);
            return (local - (latest ? offsets.Min() : offsets.Max())).Ticks;
        }

        return (local - TimeZone.GetUtcOffset(local)).Ticks;
    }

    /// <summary>The instant of the forward change that skipped wall time <paramref name="local"/>, found by bisection.</summary>
    private long EndOfGap(DateTime local)
    {
        var before = TimeZone.GetUtcOffset(local.AddDays(-1));
        var low = (local - TimeZone.GetUtcOffset(local.AddDays(1))).Ticks; // still at the old offset
        var high = (local - before).Ticks;                                  // already at the new offset
        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (TimeZone.GetUtcOffset(new DateTimeOffset(mid, TimeSpan.Zero)) == before) low = mid;
            else high = mid;
        }

        return high;
    }

    /// <summary>One year of the calendar as UTC ticks: day boundaries, working periods by day and running totals.</summary>
    private sealed class YearTable(int year, int days, long[] dayStarts, int[] firstPeriod, long[] periodStarts, long[] periodEnds, long[] workedBeforeDay, long[] stretchEnds)
    {
        public int Year { get; } = year;
        public int Days { get; } = days;
        /// <summary>First instant of each local date; <c>[Days]</c> is 1 January of the next year.</summary>
        public long[] DayStarts { get; } = dayStarts;
        /// <summary>Index of each day's first period in <see cref="PeriodStarts"/>; <c>[Days]</c> is the period count.</summary>
        public int[] FirstPeriod { get; } = firstPeriod;
        public long[] PeriodStarts { get; } = periodStarts;
        public long[] PeriodEnds { get; } = periodEnds;
        /// <summary>Working ticks of the year before each day; <c>[Days]</c> is the year's total.</summary>
        public long[] WorkedBeforeDay { get; } = workedBeforeDay;
        public long TotalWorked => WorkedBeforeDay[Days];
        /// <summary>For each period, the end of the run of touching periods it belongs to (within this year).</summary>
        public long[] StretchEnds { get; } = stretchEnds;
    }
}
