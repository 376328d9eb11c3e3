using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using static Realtime.Domain.Tests.Complaints.Span;

namespace Realtime.Domain.Tests.Complaints;

public class ComplaintNextDueTests
{
    private static DateTimeOffset At(TimeSpan offset) => ComplaintScenario.At(offset);

    [Fact]
    public void New_complaint_has_nothing_due()
    {
        Assert.Null(new ComplaintScenario().Complaint.NextDueAt());
    }

    [Fact]
    public void Next_due_instant_follows_a_whole_complaint_life()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero);
        var c = s.Complaint;

        Assert.Equal(At(Sec(60)), c.NextDueAt());
        Assert.Equal(0.5, Assert.IsType<SlaWarningSignal>(Assert.Single(c.Advance(At(Sec(60))))).Fraction);
        Assert.Equal(At(Sec(90)), c.NextDueAt());
        Assert.Equal(0.75, Assert.IsType<SlaWarningSignal>(Assert.Single(c.Advance(At(Sec(90))))).Fraction);
        Assert.Equal(At(Sec(108)), c.NextDueAt());

        s.Responded(Sec(100));
        Assert.Equal(At(Hours(24)), c.NextDueAt());
        Assert.Equal(SlaPolicy.Resolution, Assert.IsType<SlaWarningSignal>(Assert.Single(c.Advance(At(Hours(24))))).Clock);
        Assert.Equal(At(Hours(36)), c.NextDueAt());

        s.Paused(Hours(30));
        Assert.Null(c.NextDueAt());
        Assert.Empty(c.Advance(At(Hours(39))));

        // 30 h counted before the pause: 75 % (36 h) comes 6 h after the resume, 90 % (43.2 h) after 13.2 h, the breach after 18 h.
        s.Resumed(Hours(40));
        Assert.Equal(At(Hours(46)), c.NextDueAt());
        Assert.Equal(0.75, Assert.IsType<SlaWarningSignal>(Assert.Single(c.Advance(At(Hours(46))))).Fraction);
        Assert.Equal(At(Hours(53.2)), c.NextDueAt());
        Assert.Equal(0.9, Assert.IsType<SlaWarningSignal>(Assert.Single(c.Advance(At(Hours(53.2))))).Fraction);
        Assert.Equal(At(Hours(58)), c.NextDueAt());

        var breach = c.Advance(At(Hours(58)));
        Assert.Equal(
            [new SlaBreachSignal(SlaPolicy.Resolution, At(Hours(58)), At(Hours(58)), At(Hours(58)), false), new EscalationSignal(1, EscalationRole.TeamLead, At(Hours(58)), false)],
            breach);
        Assert.Equal(At(Hours(62)), c.NextDueAt());
        Assert.Equal([new EscalationSignal(2, EscalationRole.DeputyDirector, At(Hours(62)), false)], c.Advance(At(Hours(62))));
        Assert.Equal(At(Hours(82)), c.NextDueAt());

        s.Resolved(Hours(70));
        Assert.Null(c.NextDueAt());
        Assert.Empty(c.Advance(At(Days(30))));
    }

    [Fact]
    public void Overdue_signal_is_due_at_its_own_past_instant_so_the_caller_advances_at_once()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero);

        Assert.Equal(At(Sec(60)), s.Complaint.NextDueAt());
        s.Complaint.Advance(At(Hours(1)));
        Assert.Equal(At(Min(2) + Hours(4)), s.Complaint.NextDueAt());
    }

    [Fact]
    public void Late_stop_event_withdraws_the_pending_breach()
    {
        var s = new ComplaintScenario(SlaPolicy.Default with { Clocks = [SlaPolicy.DefaultClocks[0]] }).Opened(TimeSpan.Zero);
        s.Complaint.Advance(At(Sec(108)));
        Assert.Equal(At(Min(2)), s.Complaint.NextDueAt());

        s.Responded(Sec(110));

        Assert.Null(s.Complaint.NextDueAt());
        Assert.Empty(s.Complaint.Advance(At(Min(10))));
    }
}
