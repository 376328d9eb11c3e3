using Realtime.Domain.Calendars;

namespace Realtime.Domain.Tests.Calendars;

public class WorkingCalendarTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The calendar: split shifts, Golden Week off, Saturday 2026-10-10 worked.</summary>
    internal static WorkingCalendar GoldenWeek() => new(
        "Asia/Shanghai",
        [WorkingPeriod.Parse("09:00-12:00"), WorkingPeriod.Parse("13:30-18:00")],
        holidays: Dates("2026-10-01", 7),
        workingWeekends: [new DateOnly(2026, 10, 10)]);

    private static DateTimeOffset Cn(int month, int day, int hour, int minute = 0, int second = 0) => new(2026, month, day, hour, minute, second, China);

    private static IEnumerable<DateOnly> Dates(string first, int count) =>
        Enumerable.Range(0, count).Select(i => DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture).AddDays(i));

    [Fact]
    public void Eight_working_hours_from_the_eve_of_golden_week_are_due_the_day_after_it()
    {
        var due = GoldenWeek().AddWorkingTime(Cn(9, 30, 17), TimeSpan.FromHours(8));

        Assert.Equal(Cn(10, 8, 17, 30), due);
        Assert.Equal(China, due.Offset);
    }

    [Fact]
    public void Eight_working_hours_from_friday_afternoon_are_due_on_the_make_up_saturday()
    {
        Assert.Equal(Cn(10, 10, 16, 30), GoldenWeek().AddWorkingTime(Cn(10, 9, 16), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void A_holiday_span_counts_no_working_time()
    {
        var calendar = GoldenWeek();

        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Cn(10, 1, 0), Cn(10, 8, 0)));
        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeBetween(Cn(9, 30, 17), Cn(10, 8, 10)));
        Assert.All(Dates("2026-10-01", 7), d => Assert.False(calendar.IsWorkingDay(d)));
    }

    [Fact]
    public void A_make_up_saturday_is_worked_and_the_sunday_after_it_is_not()
    {
        var calendar = GoldenWeek();

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 11)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 17)));
        Assert.True(calendar.IsWorkingTime(Cn(10, 10, 9)));
        Assert.Equal(TimeSpan.FromHours(7.5), calendar.WorkingTimeBetween(Cn(10, 10, 0), Cn(10, 12, 0)));
    }

    [Fact]
    public void Split_shifts_leave_the_lunch_break_out()
    {
        var calendar = GoldenWeek();

        Assert.True(calendar.IsWorkingTime(Cn(9, 14, 11, 59, 59)));
        Assert.False(calendar.IsWorkingTime(Cn(9, 14, 12)));
        Assert.False(calendar.IsWorkingTime(Cn(9, 14, 13, 29, 59)));
        Assert.True(calendar.IsWorkingTime(Cn(9, 14, 13, 30)));
        Assert.Equal(Cn(9, 14, 14, 30), calendar.AddWorkingTime(Cn(9, 14, 11), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(7.5), calendar.WorkingTimeBetween(Cn(9, 14, 0), Cn(9, 15, 0)));
    }

    [Fact]
    public void Working_time_that_runs_out_at_the_end_of_a_period_is_due_at_that_end()
    {
        var calendar = GoldenWeek();

        Assert.Equal(Cn(9, 14, 12), calendar.AddWorkingTime(Cn(9, 14, 9), TimeSpan.FromHours(3)));
        Assert.Equal(Cn(9, 14, 18), calendar.AddWorkingTime(Cn(9, 14, 9), TimeSpan.FromHours(7.5)));
        Assert.Equal(Cn(9, 15, 9, 0, 1), calendar.AddWorkingTime(Cn(9, 14, 9), TimeSpan.FromHours(7.5) + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Time_started_outside_hours_counts_from_the_next_working_period()
    {
        var calendar = GoldenWeek();

        Assert.Equal(Cn(9, 14, 9, 0, 1), calendar.AddWorkingTime(Cn(9, 13, 22), TimeSpan.FromSeconds(1)));
        Assert.Equal(Cn(9, 14, 9), calendar.NextWorkingTimeStart(Cn(9, 12, 18)));
        Assert.Equal(Cn(9, 14, 13, 30), calendar.NextWorkingTimeStart(Cn(9, 14, 12, 15)));
        Assert.Equal(Cn(9, 14, 10), calendar.NextWorkingTimeStart(Cn(9, 14, 10)));
        Assert.Equal(Cn(10, 8, 9), calendar.NextWorkingTimeStart(Cn(9, 30, 18)));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Cn(9, 12, 9), Cn(9, 14, 9)));
    }

    [Fact]
    public void Working_time_stops_at_the_end_of_the_current_period_when_that_comes_first()
    {
        var calendar = GoldenWeek();
        var farAway = Cn(12, 31, 0);

        Assert.Equal(Cn(9, 14, 12), calendar.WorkingTimeEndBefore(Cn(9, 14, 10), farAway));
        Assert.Equal(Cn(9, 14, 18), calendar.WorkingTimeEndBefore(Cn(9, 14, 13, 30), farAway));
        Assert.Equal(Cn(9, 14, 12), calendar.WorkingTimeEndBefore(Cn(9, 14, 11, 59, 59), Cn(9, 14, 12, 0, 1)));
        // Due at or before the period's end: working time does not stop before it.
        Assert.Null(calendar.WorkingTimeEndBefore(Cn(9, 14, 10), Cn(9, 14, 12)));
        Assert.Null(calendar.WorkingTimeEndBefore(Cn(9, 14, 10), Cn(9, 14, 11)));
        // Outside working hours nothing counts, so nothing stops.
        Assert.Null(calendar.WorkingTimeEndBefore(Cn(9, 14, 12), farAway));
        Assert.Null(calendar.WorkingTimeEndBefore(Cn(10, 3, 10), farAway));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeEndBefore(Cn(9, 14, 10).ToUniversalTime(), farAway)!.Value.Offset);
    }

    [Fact]
    public void The_end_of_working_time_is_exact_to_the_second()
    {
        var calendar = new WorkingCalendar("Asia/Shanghai", [WorkingPeriod.Parse("09:00:00-11:59:59"), WorkingPeriod.Parse("13:30:01-18:00")]);

        Assert.Equal(Cn(9, 14, 11, 59, 59), calendar.WorkingTimeEndBefore(Cn(9, 14, 11, 59, 58), Cn(9, 15, 0)));
        Assert.Null(calendar.WorkingTimeEndBefore(Cn(9, 14, 11, 59, 59), Cn(9, 15, 0)));
        Assert.Equal(Cn(9, 14, 18), calendar.WorkingTimeEndBefore(Cn(9, 14, 13, 30, 1), Cn(9, 15, 0)));
    }

    [Fact]
    public void Periods_that_touch_count_as_one_across_midnight_and_the_new_year()
    {
        var calendar = new WorkingCalendar("Asia/Shanghai", [WorkingPeriod.Parse("00:00-24:00")], Enum.GetValues<DayOfWeek>(), holidays: [new DateOnly(2027, 1, 2)]);
        var evening = new DateTimeOffset(2026, 12, 30, 20, 0, 0, China);

        Assert.Equal(new DateTimeOffset(2027, 1, 2, 0, 0, 0, China), calendar.WorkingTimeEndBefore(evening, new DateTimeOffset(2027, 2, 1, 0, 0, 0, China)));
        Assert.Null(calendar.WorkingTimeEndBefore(evening, new DateTimeOffset(2027, 1, 1, 12, 0, 0, China)));
        var touching = new WorkingCalendar("Asia/Shanghai", [WorkingPeriod.Parse("09:00-12:00"), WorkingPeriod.Parse("12:00-18:00")]);
        Assert.Equal(Cn(9, 14, 18), touching.WorkingTimeEndBefore(Cn(9, 14, 10), Cn(9, 16, 0)));
    }

    [Fact]
    public void Arithmetic_is_exact_to_the_second()
    {
        var calendar = GoldenWeek();

        Assert.Equal(TimeSpan.FromSeconds(1), calendar.WorkingTimeBetween(Cn(9, 14, 11, 59, 59), Cn(9, 14, 13, 30, 0)));
        Assert.Equal(Cn(9, 14, 13, 30, 1), calendar.AddWorkingTime(Cn(9, 14, 11, 59, 59), TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Cn(9, 14, 10), Cn(9, 14, 9)));
        Assert.Equal(Cn(9, 14, 3), calendar.AddWorkingTime(Cn(9, 14, 3), TimeSpan.Zero));
    }

    [Fact]
    public void Due_times_and_working_time_agree_across_years_and_offsets()
    {
        var calendar = new WorkingCalendar(holidays: Dates("2026-01-01", 3), workingWeekends: [new DateOnly(2026, 1, 4)]);
        var random = new Random(24);
        var start = new DateTimeOffset(2025, 12, 1, 0, 0, 0, China);
        for (var i = 0; i < 500; i++)
        {
            var from = start.AddSeconds(random.Next(0, 60 * 86_400)).ToOffset(TimeSpan.FromHours(random.Next(-12, 13)));
            var amount = TimeSpan.FromSeconds(random.Next(1, 30 * 27_000));
            var due = calendar.AddWorkingTime(from, amount);

            Assert.Equal(amount, calendar.WorkingTimeBetween(from, due));
            Assert.True(calendar.WorkingTimeBetween(from, due.AddSeconds(-1)) < amount);
            Assert.Equal(from.Offset, due.Offset);
        }
    }

    [Fact]
    public void The_year_boundary_with_new_year_off_and_a_sunday_worked()
    {
        var calendar = new WorkingCalendar(holidays: Dates("2026-01-01", 3), workingWeekends: [new DateOnly(2026, 1, 4)]);

        var total = calendar.WorkingTimeBetween(new DateTimeOffset(2025, 12, 31, 17, 0, 0, China), Cn(1, 5, 10));

        Assert.Equal(TimeSpan.FromHours(1 + 7.5 + 1), total);
        Assert.Equal(Cn(1, 4, 9, 30), calendar.AddWorkingTime(new DateTimeOffset(2025, 12, 31, 17, 0, 0, China), TimeSpan.FromHours(1.5)));
    }

    [Fact]
    public void Berlin_working_hours_follow_the_wall_clock_across_daylight_saving_changes()
    {
        var calendar = new WorkingCalendar("Europe/Berlin", [WorkingPeriod.Parse("09:00-18:00")]);
        var fridayCet = new DateTimeOffset(2026, 3, 27, 17, 0, 0, TimeSpan.FromHours(1));
        var mondayCest = new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeBetween(fridayCet, mondayCest));
        Assert.Equal(mondayCest, calendar.AddWorkingTime(fridayCet, TimeSpan.FromHours(2)));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(2)), calendar.NextWorkingTimeStart(fridayCet.AddHours(2)));
        var fridayCest = new DateTimeOffset(2026, 10, 23, 17, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 10, 0, 0, TimeSpan.FromHours(1)), calendar.AddWorkingTime(fridayCest, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_whole_day_calendar_in_berlin_has_23_and_25_hour_days()
    {
        var calendar = new WorkingCalendar("Europe/Berlin", [WorkingPeriod.Parse("00:00-24:00")], Enum.GetValues<DayOfWeek>());

        Assert.Equal(TimeSpan.FromHours(23), calendar.WorkingTimeBetween(
            new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2))));
        Assert.Equal(TimeSpan.FromHours(25), calendar.WorkingTimeBetween(
            new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2026, 10, 26, 0, 0, 0, TimeSpan.FromHours(1))));
        var start = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(start.AddHours(24), calendar.AddWorkingTime(start, TimeSpan.FromHours(24)));
    }

    [Fact]
    public void A_period_starting_in_the_skipped_hour_starts_when_the_clocks_go_forward()
    {
        var calendar = new WorkingCalendar("Europe/Berlin", [WorkingPeriod.Parse("02:30-04:00")], Enum.GetValues<DayOfWeek>());
        var day = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromHours(1), calendar.WorkingTimeBetween(day, day.AddDays(1)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), calendar.NextWorkingTimeStart(day));
    }

    [Theory]
    [InlineData("09:00-12:00", "09:00:00", "12:00:00", "09:00-12:00")]
    [InlineData(" 13:30 - 18:00 ", "13:30:00", "18:00:00", "13:30-18:00")]
    [InlineData("18:00-24:00", "18:00:00", "1.00:00:00", "18:00-24:00")]
    [InlineData("08:59:30-09:00", "08:59:30", "09:00:00", "08:59:30-09:00")]
    public void Working_periods_parse_and_print_in_configuration_form(string text, string start, string end, string printed)
    {
        var period = WorkingPeriod.Parse(text);

        Assert.Equal((TimeSpan.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period.Start, period.End));
        Assert.Equal(printed, period.ToString());
    }

    [Fact]
    public void A_calendar_equals_another_with_the_same_definition()
    {
        Assert.Equal(GoldenWeek(), GoldenWeek());
        Assert.NotEqual(GoldenWeek(), new WorkingCalendar(
            "Asia/Shanghai", GoldenWeek().WorkingHours, holidays: GoldenWeek().Holidays, workingWeekends: GoldenWeek().WorkingWeekends)
        { Name = "cn" });
        Assert.NotEqual(GoldenWeek(), new WorkingCalendar("Asia/Shanghai", GoldenWeek().WorkingHours, holidays: GoldenWeek().Holidays));
    }

    [Fact]
    public void Periods_out_of_order_or_a_date_both_off_and_worked_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(workingHours: [WorkingPeriod.Parse("13:00-18:00"), WorkingPeriod.Parse("09:00-12:00")]));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(holidays: [new DateOnly(2026, 10, 10)], workingWeekends: [new DateOnly(2026, 10, 10)]));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(workingWeekdays: []));
        Assert.Throws<ArgumentOutOfRangeException>(() => GoldenWeek().AddWorkingTime(Cn(9, 14, 9), TimeSpan.FromSeconds(-1)));
    }
}
