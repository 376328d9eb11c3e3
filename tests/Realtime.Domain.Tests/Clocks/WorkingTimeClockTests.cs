using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using Realtime.Domain.Tests.Calendars;

namespace Realtime.Domain.Tests.Clocks;

/// <summary>Complaint clocks that name a working calendar count working time only (issue 24).</summary>
public class WorkingTimeClockTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private int _sequence;

    private static DateTimeOffset Cn(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, China);

    /// <summary>The resolution clock with a working-time target on the Golden Week calendar; the other clocks stay 24×7.</summary>
    private static SlaPolicy Policy(TimeSpan target) => new()
    {
        Clocks = SlaPolicy.DefaultClocks.Select(c => c.Name == SlaPolicy.Resolution
            ? c with { Target = target, Calendar = WorkingCalendarTests.GoldenWeek() }
            : c).ToArray(),
    };

    private Complaint Open(DateTimeOffset at, TimeSpan target)
    {
        var complaint = Complaint.Create("C-24", Policy(target));
        Apply(complaint, EventType.ComplaintOpened, at);
        return complaint;
    }

    private void Apply(Complaint complaint, EventType type, DateTimeOffset at) =>
        complaint.Apply(new FloorEvent { Id = $"e-{++_sequence}", Type = type, OccurredAt = at, ComplaintId = "C-24", Sequence = _sequence, TeamId = "team-1", AgentId = "agent-1" });

    private static ClockView Resolution(Complaint complaint, DateTimeOffset now) => complaint.View(now).Clocks.Single(c => c.Name == SlaPolicy.Resolution);

    [Fact]
    public void Opened_on_the_eve_of_golden_week_an_eight_working_hour_clock_is_due_on_8_october_at_17_30()
    {
        var complaint = Open(Cn(9, 30, 17), TimeSpan.FromHours(8));

        var holiday = Resolution(complaint, Cn(10, 3, 10));

        Assert.Equal(ClockState.Running, holiday.State);
        Assert.Equal(Cn(10, 8, 17, 30), holiday.DueAt);
        Assert.Equal(TimeSpan.FromHours(1), holiday.Elapsed);
        Assert.Equal(TimeSpan.FromHours(7), holiday.Remaining);
        Assert.True(holiday.OutsideWorkingHours);
        Assert.Equal(Cn(10, 8, 9), holiday.CountingResumesAt);
        Assert.Equal("", holiday.Calendar);
    }

    [Fact]
    public void Opened_on_the_friday_before_a_make_up_saturday_it_is_due_that_saturday_at_16_30()
    {
        var complaint = Open(Cn(10, 9, 16), TimeSpan.FromHours(8));

        Assert.Equal(Cn(10, 10, 16, 30), Resolution(complaint, Cn(10, 9, 16)).DueAt);
        var saturday = Resolution(complaint, Cn(10, 10, 11));
        var lunch = Resolution(complaint, Cn(10, 10, 12, 30));
        Assert.Equal((TimeSpan.FromHours(4), false), (saturday.Elapsed, saturday.OutsideWorkingHours));
        Assert.Equal((TimeSpan.FromHours(5), true, Cn(10, 10, 13, 30)), (lunch.Elapsed, lunch.OutsideWorkingHours, lunch.CountingResumesAt));
    }

    [Fact]
    public void Warnings_breach_and_escalation_fall_at_working_time_instants()
    {
        var complaint = Open(Cn(9, 30, 17), TimeSpan.FromHours(8));
        var due = new List<DateTimeOffset>();
        var signals = new List<SlaSignal>();
        // Wake up when told, as a grain does, until the chain reaches the director.
        for (var next = complaint.NextDueAt(); next is { } at && due.Count < 20; next = complaint.NextDueAt())
        {
            due.Add(at);
            signals.AddRange(complaint.Advance(at));
        }

        var resolution = signals.OfType<SlaWarningSignal>().Where(w => w.Clock == SlaPolicy.Resolution).Select(w => (w.Fraction, w.At)).ToArray();
        Assert.Equal([(0.5, Cn(10, 8, 12)), (0.75, Cn(10, 8, 15, 30)), (0.9, Cn(10, 8, 16, 42))], resolution);
        var breach = Assert.Single(signals.OfType<SlaBreachSignal>(), b => b.Clock == SlaPolicy.Resolution);
        Assert.Equal(Cn(10, 8, 17, 30), breach.BreachedAt);
        // The first breach is the 24×7 first-response clock's (2 minutes), so the chain climbs in 24×7 time from it.
        var levels = signals.OfType<EscalationSignal>().Select(e => (e.Level, e.At)).ToArray();
        Assert.Equal([(1, Cn(9, 30, 17, 2)), (2, Cn(9, 30, 21, 2)), (3, Cn(10, 1, 17, 2))], levels);
    }

    [Fact]
    public void A_chain_started_by_a_working_time_breach_climbs_in_working_time()
    {
        var policy = Policy(TimeSpan.FromHours(8));
        policy = policy with { Clocks = policy.Clocks.Select(c => c.Name == SlaPolicy.Resolution ? c : c with { Escalates = false }).ToArray() };
        var complaint = Complaint.Create("C-24", policy);
        Apply(complaint, EventType.ComplaintOpened, Cn(9, 30, 17));

        var levels = complaint.Advance(Cn(10, 20, 0)).OfType<EscalationSignal>().Select(e => (e.Level, e.At)).ToArray();

        // Breach 8 Oct 17:30; +4 working hours: 0.5 h that day, then 9 Oct 09:00–12:00 and 13:30–14:00.
        // +24 working hours: 0.5 + 7.5 (9 Oct) + 7.5 (Saturday 10 Oct, worked) + 7.5 (Monday 12 Oct) + 1 (13 Oct 09:00–10:00).
        Assert.Equal([(1, Cn(10, 8, 17, 30)), (2, Cn(10, 9, 14)), (3, Cn(10, 13, 10))], levels);
        Assert.Equal(3, complaint.View(Cn(10, 20, 0)).EscalationLevel);
    }

    [Fact]
    public void A_clock_started_outside_hours_counts_from_the_next_working_period()
    {
        var complaint = Open(Cn(9, 13, 22), TimeSpan.FromHours(8));

        var sunday = Resolution(complaint, Cn(9, 14, 8, 59));
        var monday = Resolution(complaint, Cn(9, 14, 9, 30));

        Assert.Equal((TimeSpan.Zero, true, Cn(9, 14, 9)), (sunday.Elapsed, sunday.OutsideWorkingHours, sunday.CountingResumesAt));
        Assert.Equal((TimeSpan.FromMinutes(30), false, (DateTimeOffset?)null), (monday.Elapsed, monday.OutsideWorkingHours, monday.CountingResumesAt));
        Assert.Equal(Cn(9, 15, 9, 30), monday.DueAt);
    }

    [Fact]
    public void A_clock_paused_across_a_holiday_resumes_counting_after_it()
    {
        var complaint = Open(Cn(9, 29, 9), TimeSpan.FromHours(16));
        Apply(complaint, EventType.ComplaintPaused, Cn(9, 30, 10));
        var paused = Resolution(complaint, Cn(10, 2, 12));
        Apply(complaint, EventType.ComplaintResumed, Cn(10, 3, 10));

        var resumed = Resolution(complaint, Cn(10, 5, 12));

        Assert.Equal((ClockState.Paused, TimeSpan.FromHours(8.5), false), (paused.State, paused.Elapsed, paused.OutsideWorkingHours));
        Assert.Equal((ClockState.Running, TimeSpan.FromHours(8.5), TimeSpan.FromHours(7.5)), (resumed.State, resumed.Elapsed, resumed.Remaining));
        Assert.True(resumed.OutsideWorkingHours);
        Assert.Equal(Cn(10, 8, 18), resumed.DueAt);
        Assert.Equal(TimeSpan.FromHours(10.5), Resolution(complaint, Cn(10, 8, 11)).Elapsed);
    }

    [Fact]
    public void A_clock_stopped_exactly_at_its_working_time_target_is_met()
    {
        var complaint = Open(Cn(9, 14, 9), TimeSpan.FromHours(3));
        Apply(complaint, EventType.ComplaintResolved, Cn(9, 14, 13));

        var clock = Resolution(complaint, Cn(9, 20, 0));

        // Four hours on the wall clock, three of them working time (the lunch break does not count).
        Assert.Equal((ClockState.Met, TimeSpan.FromHours(3)), (clock.State, clock.Elapsed));
        Assert.Null(clock.BreachedAt);
    }

    [Fact]
    public void Inside_a_split_shift_the_clock_says_it_pauses_at_12_00_and_then_at_18_00()
    {
        // Monday 14 September, 8 working hours from 09:00: 3 h + 4.5 h that day, then 0.5 h on Tuesday.
        var complaint = Open(Cn(9, 14, 9), TimeSpan.FromHours(8));

        var morning = Resolution(complaint, Cn(9, 14, 10));
        var afternoon = Resolution(complaint, Cn(9, 14, 14));

        Assert.Equal(Cn(9, 15, 9, 30), morning.DueAt);
        Assert.Equal((TimeSpan.FromHours(7), Cn(9, 14, 12), Cn(9, 14, 13, 30), Cn(9, 14, 10)),
            (morning.Remaining, morning.CountingPausesAt, morning.CountingResumesAfterPauseAt, morning.AsOf));
        Assert.Equal((TimeSpan.FromHours(4.5), Cn(9, 14, 18), Cn(9, 15, 9)),
            (afternoon.Remaining, afternoon.CountingPausesAt, afternoon.CountingResumesAfterPauseAt));
        Assert.False(afternoon.OutsideWorkingHours);
        Assert.Null(afternoon.CountingResumesAt);
        // What a board derives: the working time left at the pause is what remains from the resume to the due time.
        Assert.Equal(TimeSpan.FromMinutes(30), afternoon.Remaining - (afternoon.CountingPausesAt - afternoon.AsOf));
    }

    [Fact]
    public void On_the_eve_of_a_holiday_the_clock_pauses_at_18_00_and_counts_again_after_the_holiday()
    {
        var complaint = Open(Cn(9, 30, 17), TimeSpan.FromHours(8));

        var eve = Resolution(complaint, Cn(9, 30, 17, 15));

        Assert.Equal((Cn(9, 30, 18), Cn(10, 8, 9), TimeSpan.FromMinutes(7 * 60 + 45)),
            (eve.CountingPausesAt, eve.CountingResumesAfterPauseAt, eve.Remaining));
        Assert.Equal(Cn(10, 8, 17, 30), eve.DueAt);
    }

    [Fact]
    public void Before_a_make_up_saturday_the_clock_pauses_on_friday_evening_and_counts_again_on_saturday()
    {
        var complaint = Open(Cn(10, 9, 16), TimeSpan.FromHours(8));

        var friday = Resolution(complaint, Cn(10, 9, 17));
        var saturday = Resolution(complaint, Cn(10, 10, 11));

        Assert.Equal((Cn(10, 9, 18), Cn(10, 10, 9)), (friday.CountingPausesAt, friday.CountingResumesAfterPauseAt));
        Assert.Equal((Cn(10, 10, 12), Cn(10, 10, 13, 30)), (saturday.CountingPausesAt, saturday.CountingResumesAfterPauseAt));
        Assert.Equal(Cn(10, 10, 16, 30), saturday.DueAt);
    }

    [Fact]
    public void A_clock_due_within_the_current_period_does_not_pause()
    {
        var twoHours = Open(Cn(9, 14, 9), TimeSpan.FromHours(2));
        var threeHours = Open(Cn(9, 14, 9), TimeSpan.FromHours(3));

        var clock = Resolution(twoHours, Cn(9, 14, 10));
        var dueAtTheEnd = Resolution(threeHours, Cn(9, 14, 10));

        Assert.Equal((Cn(9, 14, 11), (DateTimeOffset?)null, (DateTimeOffset?)null), (clock.DueAt, clock.CountingPausesAt, clock.CountingResumesAfterPauseAt));
        // Due exactly as the period ends (12:00): it breaches then rather than pausing.
        Assert.Equal((Cn(9, 14, 12), (DateTimeOffset?)null), (dueAtTheEnd.DueAt, dueAtTheEnd.CountingPausesAt));
    }

    [Fact]
    public void Outside_hours_paused_or_breached_clocks_name_no_pause()
    {
        var complaint = Open(Cn(9, 14, 9), TimeSpan.FromHours(8));

        Assert.Null(Resolution(complaint, Cn(9, 14, 12, 30)).CountingPausesAt);
        Assert.Null(Resolution(complaint, Cn(9, 20, 10)).CountingPausesAt);
        Apply(complaint, EventType.ComplaintPaused, Cn(9, 14, 10));
        Assert.Null(Resolution(complaint, Cn(9, 14, 11)).CountingPausesAt);
    }

    [Fact]
    public void Clocks_without_a_calendar_count_around_the_clock_and_are_never_outside_hours()
    {
        var complaint = Open(Cn(10, 3, 22), TimeSpan.FromHours(8));

        var first = complaint.View(Cn(10, 3, 22, 1)).Clocks.Single(c => c.Name == SlaPolicy.FirstResponse);

        Assert.Equal((TimeSpan.FromMinutes(1), false, (string?)null, (DateTimeOffset?)null), (first.Elapsed, first.OutsideWorkingHours, first.Calendar, first.CountingResumesAt));
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null, Cn(10, 3, 22, 1)), (first.CountingPausesAt, first.CountingResumesAfterPauseAt, first.AsOf));
        Assert.Equal(Cn(10, 3, 22, 2), first.DueAt);
    }

    [Fact]
    public void A_policy_with_a_calendar_differs_from_one_without()
    {
        Assert.Equal(Policy(TimeSpan.FromHours(8)), Policy(TimeSpan.FromHours(8)));
        Assert.NotEqual(SlaPolicy.Default with { Clocks = Policy(TimeSpan.FromHours(48)).Clocks }, SlaPolicy.Default);
    }
}
