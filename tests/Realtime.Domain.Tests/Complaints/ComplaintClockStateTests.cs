using Realtime.Domain.Clocks;
using static Realtime.Domain.Tests.Complaints.Span;

namespace Realtime.Domain.Tests.Complaints;

public class ComplaintClockStateTests
{
    private const string First = SlaPolicy.FirstResponse;
    private const string Resolution = SlaPolicy.Resolution;
    private const string Quick = SlaPolicy.QuickResolution;

    [Fact]
    public void Clocks_are_reported_as_not_started_before_the_complaint_is_opened()
    {
        var s = new ComplaintScenario();
        var clocks = s.Complaint.View(ComplaintScenario.T0).Clocks;

        Assert.Equal([First, Resolution, Quick], clocks.Select(c => c.Name));
        Assert.All(clocks, c =>
        {
            Assert.Null(c.State);
            Assert.Equal(TimeSpan.Zero, c.Elapsed);
            Assert.Equal(c.Target, c.Remaining);
            Assert.Null(c.DueAt);
            Assert.Null(c.BreachedAt);
        });
    }

    [Fact]
    public void Opened_complaint_runs_every_clock_with_due_instants_at_their_targets()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero);

        var first = s.Clock(First, Sec(30));
        Assert.Equal(ClockState.Running, first.State);
        Assert.Equal(Sec(30), first.Elapsed);
        Assert.Equal(Sec(90), first.Remaining);
        Assert.Equal(ComplaintScenario.At(Min(2)), first.DueAt);
        Assert.Null(first.BreachedAt);
        Assert.Equal(ComplaintScenario.At(Hours(48)), s.Clock(Resolution, Sec(30)).DueAt);
        Assert.Equal(ComplaintScenario.At(Days(7)), s.Clock(Quick, Sec(30)).DueAt);
    }

    [Fact]
    public void Response_within_target_meets_first_response()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Responded(Sec(100));

        var first = s.Clock(First, Hours(1));
        Assert.Equal(ClockState.Met, first.State);
        Assert.Equal(Sec(100), first.Elapsed);
        Assert.Equal(Sec(20), first.Remaining);
        Assert.Null(first.DueAt);
        Assert.Null(first.BreachedAt);
        Assert.Equal(ClockState.Running, s.Clock(Resolution, Hours(1)).State);
    }

    [Fact]
    public void Response_exactly_at_target_meets_first_response()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Responded(Min(2));

        Assert.Equal(ClockState.Met, s.Clock(First, Hours(1)).State);
    }

    [Fact]
    public void Running_clock_becomes_breached_at_its_due_instant_and_keeps_counting()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero);

        Assert.Equal(ClockState.Running, s.Clock(First, Sec(119)).State);
        var atDue = s.Clock(First, Min(2));
        Assert.Equal(ClockState.Breached, atDue.State);
        Assert.Equal(ComplaintScenario.At(Min(2)), atDue.BreachedAt);
        var later = s.Clock(First, Min(5));
        Assert.Equal(ClockState.Breached, later.State);
        Assert.Equal(Min(5), later.Elapsed);
        Assert.Equal(TimeSpan.Zero, later.Remaining);
        Assert.Equal(ComplaintScenario.At(Min(2)), later.DueAt);
        Assert.Equal(ComplaintScenario.At(Min(2)), later.BreachedAt);
    }

    [Fact]
    public void Late_response_leaves_first_response_breached_at_the_true_due_instant()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Responded(Min(7));

        var first = s.Clock(First, Hours(1));
        Assert.Equal(ClockState.Breached, first.State);
        Assert.Equal(Min(7), first.Elapsed);
        Assert.Equal(ComplaintScenario.At(Min(2)), first.BreachedAt);
        Assert.Null(first.DueAt);
        Assert.Equal(ComplaintScenario.At(Min(7)), first.StoppedAt);
    }

    [Fact]
    public void Pause_stops_pausable_clocks_and_excludes_paused_time()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Responded(Min(1)).Paused(Hours(10));

        var paused = s.Clock(Resolution, Hours(15));
        Assert.Equal(ClockState.Paused, paused.State);
        Assert.Equal(Hours(10), paused.Elapsed);
        Assert.Equal(Hours(38), paused.Remaining);
        Assert.Null(paused.DueAt);

        s.Resumed(Hours(20));
        var resumed = s.Clock(Resolution, Hours(25));
        Assert.Equal(ClockState.Running, resumed.State);
        Assert.Equal(Hours(15), resumed.Elapsed);
        Assert.Equal(ComplaintScenario.At(Hours(58)), resumed.DueAt);
    }

    [Fact]
    public void Pause_has_no_effect_on_the_non_pausable_first_response_clock()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Paused(Sec(30));

        var first = s.Clock(First, Sec(90));
        Assert.Equal(ClockState.Running, first.State);
        Assert.Equal(Sec(90), first.Elapsed);
        Assert.Equal(ComplaintScenario.At(Min(2)), first.DueAt);
        Assert.Equal(ClockState.Breached, s.Clock(First, Min(3)).State);
    }

    [Fact]
    public void Pause_while_paused_and_resume_while_running_change_nothing()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero)
            .Resumed(Hours(1))
            .Paused(Hours(2)).Paused(Hours(3))
            .Resumed(Hours(4)).Resumed(Hours(5));

        // Running 0–2 h and 4–6 h: the second pause does not move the pause start, the second resume does not restart.
        Assert.Equal(Hours(4), s.Clock(Resolution, Hours(6)).Elapsed);
        Assert.Equal(ComplaintScenario.At(Hours(50)), s.Clock(Resolution, Hours(6)).DueAt);
    }

    [Fact]
    public void Clock_paused_exactly_at_its_target_is_paused_not_breached_until_it_runs_again()
    {
        var policy = SlaPolicy.Default with { Clocks = [SlaPolicy.DefaultClocks[1] with { Target = Hours(1) }] };
        var s = new ComplaintScenario(policy).Opened(TimeSpan.Zero).Paused(Hours(1));

        Assert.Equal(ClockState.Paused, s.Clock(Resolution, Hours(2)).State);

        s.Resumed(Hours(3));
        var resumed = s.Clock(Resolution, Hours(3));
        Assert.Equal(ClockState.Breached, resumed.State);
        Assert.Equal(ComplaintScenario.At(Hours(3)), resumed.BreachedAt);
    }

    [Fact]
    public void Breached_clock_stays_breached_when_paused_or_stopped()
    {
        var policy = SlaPolicy.Default with { Clocks = [SlaPolicy.DefaultClocks[1] with { Target = Hours(1) }] };
        var s = new ComplaintScenario(policy).Opened(TimeSpan.Zero).Paused(Hours(2));

        var paused = s.Clock(Resolution, Hours(3));
        Assert.Equal(ClockState.Breached, paused.State);
        Assert.Equal(ComplaintScenario.At(Hours(1)), paused.BreachedAt);
        Assert.Null(paused.DueAt);

        s.Resumed(Hours(4)).Resolved(Hours(5));
        var stopped = s.Clock(Resolution, Hours(6));
        Assert.Equal(ClockState.Breached, stopped.State);
        Assert.Equal(Hours(3), stopped.Elapsed);
        Assert.Equal(ComplaintScenario.At(Hours(1)), stopped.BreachedAt);
    }

    [Fact]
    public void Resolving_within_targets_meets_the_resolution_clocks_and_stops_an_unanswered_first_response()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Resolved(Sec(90));

        var view = s.Complaint.View(ComplaintScenario.At(Days(30)));
        Assert.All(view.Clocks, c =>
        {
            Assert.Equal(ClockState.Met, c.State);
            Assert.Equal(Sec(90), c.Elapsed);
            Assert.Equal(ComplaintScenario.At(Sec(90)), c.StoppedAt);
        });
    }

    [Fact]
    public void Resolution_after_48_hours_breaches_resolution_but_meets_quick_resolution()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Responded(Min(1)).Resolved(Hours(50));

        var outcomes = s.Complaint.Outcomes(ComplaintScenario.At(Days(10)));
        Assert.True(outcomes.Single(o => o.Clock == First).EndedMet);
        Assert.True(outcomes.Single(o => o.Clock == Resolution).EndedBreached);
        Assert.Equal(ComplaintScenario.At(Hours(48)), outcomes.Single(o => o.Clock == Resolution).BreachedAt);
        Assert.True(outcomes.Single(o => o.Clock == Quick).EndedMet);
    }

    [Fact]
    public void Running_clocks_have_not_ended()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero);

        var outcomes = s.Complaint.Outcomes(ComplaintScenario.At(Hours(50)));
        Assert.All(outcomes, o => Assert.False(o.Ended));
        Assert.Equal(ClockState.Breached, outcomes.Single(o => o.Clock == Resolution).State);
    }
}
