using BenchmarkDotNet.Attributes;
using Realtime.Domain.Calendars;

namespace Realtime.Benchmarks;

/// <summary>
/// Working-time arithmetic of issue 24 on the shipped mainland-China 2026 calendar (09:00–12:00, 13:30–18:00): what a
/// clock that names a calendar pays per due-time or elapsed lookup once the year's table is built (in the setup).
/// </summary>
[MemoryDiagnoser]
public class WorkingCalendarBenchmarks
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset GoldenWeekEve = new(2026, 9, 30, 17, 0, 0, China);
    private static readonly DateTimeOffset AfterGoldenWeek = new(2026, 10, 8, 17, 30, 0, China);
    private WorkingCalendar _calendar = null!;
    private HolidaySchedule _schedule = HolidaySchedule.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _schedule = BuiltInSchedules.Load(BuiltInSchedules.ChinaMainland2026);
        _calendar = new WorkingCalendar(holidays: _schedule.Holidays, workingWeekends: _schedule.WorkingWeekends);
        if (_calendar.AddWorkingTime(GoldenWeekEve, TimeSpan.FromHours(8)) != AfterGoldenWeek)
            throw new InvalidOperationException("The Golden Week example is not due at 2026-10-08 17:30.");
    }

    /// <summary>Due time of an 8-working-hour target opened on the eve of Golden Week (seven holidays in between).</summary>
    [Benchmark(Baseline = true)]
    public DateTimeOffset DueAcrossGoldenWeek() => _calendar.AddWorkingTime(GoldenWeekEve, TimeSpan.FromHours(8));

    /// <summary>Working time elapsed over the same span (what a clock view computes).</summary>
    [Benchmark]
    public TimeSpan ElapsedAcrossGoldenWeek() => _calendar.WorkingTimeBetween(GoldenWeekEve, AfterGoldenWeek);

    /// <summary>Due time of a 160-working-hour target (about a month of working days, across Golden Week).</summary>
    [Benchmark]
    public DateTimeOffset DueOfAMonthOfWorkingHours() => _calendar.AddWorkingTime(GoldenWeekEve, TimeSpan.FromHours(160));

    /// <summary>Whether an instant is inside working hours (the clock view's "outside working hours").</summary>
    [Benchmark]
    public bool IsWorkingTime() => _calendar.IsWorkingTime(AfterGoldenWeek);

    /// <summary>The cold path, once per calendar and year: a new calendar's first lookup builds the year's table.</summary>
    [Benchmark]
    public DateTimeOffset FirstLookupOfANewCalendar() =>
        new WorkingCalendar(holidays: _schedule.Holidays, workingWeekends: _schedule.WorkingWeekends).AddWorkingTime(GoldenWeekEve, TimeSpan.FromHours(8));
}
