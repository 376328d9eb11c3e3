using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;

namespace Realtime.Domain.Tests.Clocks;

public class SlaOptionsCalendarTests
{
    private static readonly IReadOnlyDictionary<string, WorkingCalendar> Calendars = new CalendarsOptions
    {
        Calendars = { ["cn"] = new WorkingCalendarOptions { File = "builtin:" + BuiltInSchedules.ChinaMainland2026 } },
    }.ToCalendars();

    [Fact]
    public void A_clock_names_its_calendar_and_the_others_stay_24x7()
    {
        var options = new SlaOptions();
        options.Clocks["resolution"] = new ClockOptions { Calendar = "CN", Target = TimeSpan.FromHours(16) };

        var policy = options.ToPolicy(Calendars);

        Assert.Same(Calendars["cn"], policy.Clocks[1].Calendar);
        Assert.Null(policy.Clocks[0].Calendar);
        Assert.Null(policy.Clocks[2].Calendar);
        Assert.Empty(options.Validate(Calendars));
    }

    [Fact]
    public void An_added_clock_can_count_working_time()
    {
        var options = new SlaOptions();
        options.Clocks["callback"] = new ClockOptions { Target = TimeSpan.FromHours(4), StartEvent = "complaint.opened", StopEvent = "complaint.responded", Calendar = "cn" };

        var added = options.ToPolicy(Calendars).Clocks.Single(c => c.Name == "callback");

        Assert.Equal("cn", added.Calendar?.Name);
    }

    [Fact]
    public void An_empty_calendar_counts_24x7()
    {
        var options = new SlaOptions();
        options.Clocks["resolution"] = new ClockOptions { Calendar = "" };

        Assert.Equal(SlaPolicy.Default, options.ToPolicy(Calendars));
        Assert.Equal(SlaPolicy.Default, options.ToPolicy());
    }

    [Fact]
    public void A_calendar_that_is_not_configured_is_reported_with_its_key()
    {
        var options = new SlaOptions();
        options.Clocks["resolution"] = new ClockOptions { Calendar = "hk" };

        Assert.Equal(["Sla:Clocks:resolution:Calendar 'hk': no calendar of that name under Calendars (configured: cn); leave it empty to count 24×7"], options.Validate(Calendars));
        Assert.Equal(["Sla:Clocks:resolution:Calendar 'hk': no calendar of that name under Calendars (none is configured); leave it empty to count 24×7"], options.Validate());
        Assert.Throws<InvalidOperationException>(() => options.ToPolicy());
    }
}
