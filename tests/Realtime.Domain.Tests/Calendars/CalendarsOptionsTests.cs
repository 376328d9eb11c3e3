using Realtime.Domain.Calendars;

namespace Realtime.Domain.Tests.Calendars;

public class CalendarsOptionsTests
{
    private static CalendarsOptions With(WorkingCalendarOptions calendar, string name = "cn")
    {
        var options = new CalendarsOptions();
        options.Calendars[name] = calendar;
        return options;
    }

    [Fact]
    public void An_empty_calendar_takes_the_defaults_from_code()
    {
        var calendar = With(new WorkingCalendarOptions()).ToCalendars()["CN"];

        Assert.Equal("cn", calendar.Name);
        Assert.Equal("Asia/Shanghai", calendar.TimeZone.Id);
        Assert.Equal(WorkingCalendar.DefaultWorkingHours, calendar.WorkingHours);
        Assert.Equal(["09:00-12:00", "13:30-18:00"], calendar.WorkingHours.Select(p => p.ToString()));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], calendar.WorkingWeekdays);
        Assert.Empty(calendar.Holidays);
        Assert.Empty(calendar.WorkingWeekends);
    }

    [Fact]
    public void A_configured_list_replaces_its_default_whole()
    {
        var calendar = With(new WorkingCalendarOptions { WorkingHours = ["08:30-17:30"], WorkingWeekdays = ["Mon", "tuesday", "Sat"] }).ToCalendars()["cn"];

        Assert.Equal([WorkingPeriod.Parse("08:30-17:30")], calendar.WorkingHours);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Saturday], calendar.WorkingWeekdays);
    }

    [Fact]
    public void The_issue_calendar_from_configuration_meets_its_examples()
    {
        var calendar = With(new WorkingCalendarOptions
        {
            TimeZone = "Asia/Shanghai",
            WorkingHours = ["09:00-12:00", "13:30-18:00"],
            Holidays = ["2026-10-01..2026-10-07"],
            WorkingWeekends = ["2026-10-10"],
        }).ToCalendars()["cn"];
        var china = TimeSpan.FromHours(8);

        Assert.Equal(new DateTimeOffset(2026, 10, 8, 17, 30, 0, china), calendar.AddWorkingTime(new DateTimeOffset(2026, 9, 30, 17, 0, 0, china), TimeSpan.FromHours(8)));
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 16, 30, 0, china), calendar.AddWorkingTime(new DateTimeOffset(2026, 10, 9, 16, 0, 0, china), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Dates_from_a_file_and_from_the_lists_add_up()
    {
        const string ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261001\nDTEND;VALUE=DATE:20261003\nEND:VEVENT\nEND:VCALENDAR\n";
        var options = With(new WorkingCalendarOptions { File = "holidays/cn.ics", Holidays = ["2026-12-31"], WorkingWeekends = ["2026-10-10"] });
        string? opened = null;

        var calendar = options.ToCalendars(path => { opened = path; return new StringReader(ics); })["cn"];

        Assert.Equal("holidays/cn.ics", opened);
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), new DateOnly(2026, 12, 31)], calendar.Holidays);
        Assert.Equal([new DateOnly(2026, 10, 10)], calendar.WorkingWeekends);
    }

    [Fact]
    public void A_builtin_file_needs_no_opener()
    {
        var calendar = With(new WorkingCalendarOptions { File = "builtin:cn-mainland-2026.ics" }).ToCalendars()["cn"];

        Assert.Equal(33, calendar.Holidays.Count);
        Assert.Contains(new DateOnly(2026, 2, 14), calendar.WorkingWeekends);
    }

    [Theory]
    [InlineData("WorkingHours", "09:00-12:00|13:30-12:00", "Calendars:cn:WorkingHours[1] '13:30-12:00': end before start")]
    [InlineData("WorkingHours", "9-12", "Calendars:cn:WorkingHours[0] '9-12': start '9' is not a time of day like 09:00")]
    [InlineData("WorkingHours", "09:00-12:00|11:00-14:00", "Calendars:cn:WorkingHours[1] '11:00-14:00': starts before the previous period (09:00-12:00) ends")]
    [InlineData("WorkingHours", "09:00-25:00", "Calendars:cn:WorkingHours[0] '09:00-25:00': end '25:00' is not a time of day")]
    [InlineData("WorkingWeekdays", "Monday|Funday", "Calendars:cn:WorkingWeekdays[1] 'Funday': not a day of the week")]
    [InlineData("Holidays", "2026-10-01|2026-13-01", "Calendars:cn:Holidays[1] '2026-13-01': not a date like 2026-10-01")]
    [InlineData("Holidays", "2026-10-07..2026-10-01", "Calendars:cn:Holidays[0] '2026-10-07..2026-10-01': the range ends before it starts")]
    [InlineData("TimeZone", "Mars/Olympus", "Calendars:cn:TimeZone 'Mars/Olympus': not a known time zone")]
    [InlineData("File", "builtin:cn-mainland-1999.ics", "Calendars:cn:File 'builtin:cn-mainland-1999.ics': no built-in schedule of that name")]
    [InlineData("File", "cn.ics", "Calendars:cn:File 'cn.ics': the host gave no way to read files")]
    public void Validation_names_the_key_and_the_value_judged(string key, string value, string message)
    {
        var calendar = new WorkingCalendarOptions();
        var values = value.Split('|');
        switch (key)
        {
            case "WorkingHours": calendar.WorkingHours = values; break;
            case "WorkingWeekdays": calendar.WorkingWeekdays = values; break;
            case "Holidays": calendar.Holidays = values; break;
            case "TimeZone": calendar.TimeZone = value; break;
            case "File": calendar.File = value; break;
        }

        var options = With(calendar);
        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith(message, StringComparison.Ordinal));
        var thrown = Assert.Throws<InvalidOperationException>(() => options.ToCalendars());
        Assert.Contains(message, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_both_off_and_worked_is_reported_with_its_key()
    {
        var errors = With(new WorkingCalendarOptions { Holidays = ["2026-10-01..2026-10-07"], WorkingWeekends = ["2026-10-10", "2026-10-03"] }).Validate();

        Assert.Equal(["Calendars:cn:WorkingWeekends[1] '2026-10-03': 2026-10-03 is also a holiday; a date is either off or worked"], errors);
    }

    [Fact]
    public void A_file_that_is_not_an_all_day_schedule_is_reported_with_its_line()
    {
        var options = With(new WorkingCalendarOptions { File = "cn.ics" });

        var errors = options.Validate(_ => new StringReader("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261001T090000Z\nEND:VEVENT\nEND:VCALENDAR"));
        var missing = options.Validate(path => throw new FileNotFoundException($"Could not find file '{path}'."));

        Assert.Equal(["Calendars:cn:File 'cn.ics': line 3: DTSTART '20261001T090000Z' has a time of day; holidays must be all-day events (DTSTART;VALUE=DATE:20261001)"], errors);
        Assert.Equal(["Calendars:cn:File 'cn.ics': cannot be read (Could not find file 'cn.ics'.)"], missing);
    }

    [Fact]
    public void Calendars_without_a_zone_take_the_company_zone()
    {
        var options = With(new WorkingCalendarOptions());
        options.CompanyTimeZone = "Europe/Berlin";

        Assert.Equal("Europe/Berlin", options.ToCalendars()["cn"].TimeZone.Id);
    }
}
