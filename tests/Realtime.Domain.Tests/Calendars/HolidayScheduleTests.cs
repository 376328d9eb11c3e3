using Realtime.Domain.Calendars;

namespace Realtime.Domain.Tests.Calendars;

public class HolidayScheduleTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void All_day_events_span_from_dtstart_up_to_the_exclusive_dtend()
    {
        var schedule = HolidaySchedule.ParseICalendar(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261001\r\nDTEND;VALUE=DATE:20261008\r\nSUMMARY:国庆节\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260925\r\nSUMMARY:中秋节\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260619\r\nDURATION:P3D\r\nSUMMARY:端午节\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

        Assert.Equal([D(6, 19), D(6, 20), D(6, 21), D(9, 25), D(10, 1), D(10, 2), D(10, 3), D(10, 4), D(10, 5), D(10, 6), D(10, 7)], schedule.Holidays);
        Assert.Empty(schedule.WorkingWeekends);
    }

    [Fact]
    public void Make_up_working_days_are_marked_by_category_or_by_summary()
    {
        var schedule = HolidaySchedule.ParseICalendar("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20261010
            DTEND;VALUE=DATE:20261011
            SUMMARY:国庆节调休
            CATEGORIES:Holiday,补班
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260920
            SUMMARY:国庆节（上班）
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260509
            CATEGORIES:workday
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20261001
            DTEND;VALUE=DATE:20261002
            SUMMARY:国庆节放假调休
            END:VEVENT
            END:VCALENDAR
            """);

        Assert.Equal([D(5, 9), D(9, 20), D(10, 10)], schedule.WorkingWeekends);
        Assert.Equal([D(10, 1)], schedule.Holidays);
    }

    [Fact]
    public void Folded_lines_are_unfolded_whether_lines_end_in_crlf_or_lf()
    {
        const string folded = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DA\r\n TE:20261010\r\nSUMMARY:国庆节\r\n\t补班\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var crlf = HolidaySchedule.ParseICalendar(folded);
        var lf = HolidaySchedule.ParseICalendar(folded.Replace("\r\n", "\n", StringComparison.Ordinal));

        Assert.Equal([D(10, 10)], crlf.WorkingWeekends);
        Assert.Equal(crlf, lf);
    }

    [Fact]
    public void A_byte_order_mark_and_escaped_text_are_understood()
    {
        var schedule = HolidaySchedule.ParseICalendar("\uFEFFBEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261010\nCATEGORIES:调休\\,说明,补班\nEND:VEVENT\nEND:VCALENDAR\n");

        Assert.Equal([D(10, 10)], schedule.WorkingWeekends);
    }

    [Fact]
    public void Cancelled_events_and_nested_alarms_do_not_change_the_dates()
    {
        var schedule = HolidaySchedule.ParseICalendar("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20261001
            SUMMARY:国庆节
            BEGIN:VALARM
            ACTION:DISPLAY
            SUMMARY:上班提醒
            END:VALARM
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20261002
            STATUS:CANCELLED
            END:VEVENT
            END:VCALENDAR
            """);

        Assert.Equal([D(10, 1)], schedule.Holidays);
        Assert.Empty(schedule.WorkingWeekends);
    }

    [Theory]
    [InlineData("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261001\nEND:VEVENT", "no BEGIN:VCALENDAR")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261001T090000\nEND:VEVENT\nEND:VCALENDAR", "line 3: DTSTART '20261001T090000' has a time of day")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261001\nRRULE:FREQ=YEARLY\nEND:VEVENT\nEND:VCALENDAR", "line 4: recurring events")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261001\nDTEND;VALUE=DATE:20261001\nEND:VEVENT\nEND:VCALENDAR", "line 2: VEVENT ends")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-10-01\nEND:VEVENT\nEND:VCALENDAR", "line 3: DTSTART '2026-10-01' is not a date")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:国庆节\nEND:VEVENT\nEND:VCALENDAR", "line 2: VEVENT has no DTSTART")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261001\nEND:VCALENDAR", "line 2: VEVENT has no END:VEVENT")]
    public void Texts_that_are_not_all_day_schedules_are_refused_naming_the_line(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => HolidaySchedule.ParseICalendar(text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_2026_schedule_has_the_state_council_dates()
    {
        var schedule = BuiltInSchedules.Load(BuiltInSchedules.ChinaMainland2026);

        Assert.Contains(BuiltInSchedules.ChinaMainland2026, BuiltInSchedules.Names);
        Assert.Equal([D(1, 4), D(2, 14), D(2, 28), D(5, 9), D(9, 20), D(10, 10)], schedule.WorkingWeekends);
        Assert.Equal(3 + 9 + 3 + 5 + 3 + 3 + 7, schedule.Holidays.Count);
        Assert.Contains(D(2, 15), schedule.Holidays);
        Assert.Contains(D(2, 23), schedule.Holidays);
        Assert.Contains(D(4, 6), schedule.Holidays);
        Assert.Contains(D(9, 27), schedule.Holidays);
        Assert.Equal(Enumerable.Range(1, 7).Select(d => D(10, d)), schedule.Holidays.Where(d => d.Month == 10));
    }

    [Fact]
    public void A_calendar_with_the_shipped_schedule_meets_the_golden_week_example()
    {
        var schedule = BuiltInSchedules.Load(BuiltInSchedules.ChinaMainland2026);
        var calendar = new WorkingCalendar(holidays: schedule.Holidays, workingWeekends: schedule.WorkingWeekends);
        var china = TimeSpan.FromHours(8);

        Assert.Equal(new DateTimeOffset(2026, 10, 8, 17, 30, 0, china), calendar.AddWorkingTime(new DateTimeOffset(2026, 9, 30, 17, 0, 0, china), TimeSpan.FromHours(8)));
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 16, 30, 0, china), calendar.AddWorkingTime(new DateTimeOffset(2026, 10, 9, 16, 0, 0, china), TimeSpan.FromHours(8)));
    }
}
