using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using static Realtime.Domain.Tests.Complaints.Span;

namespace Realtime.Domain.Tests.Complaints;

public class ComplaintEscalationTests
{
    /// <summary>Resolution clock only (48 h, no warnings), so the chain starts at the resolution breach and nothing else is due.</summary>
    private static readonly SlaPolicy ResolutionOnly = SlaPolicy.Default with { Clocks = [SlaPolicy.DefaultClocks[1] with { WarnAt = [] }] };

    private static DateTimeOffset At(TimeSpan offset) => ComplaintScenario.At(offset);

    private static List<EscalationSignal> Escalations(Complaint complaint, TimeSpan offset) =>
        complaint.Advance(At(offset)).OfType<EscalationSignal>().ToList();

    [Fact]
    public void Normal_complaint_climbs_team_lead_at_breach_then_deputy_director_and_director()
    {
        var s = new ComplaintScenario(ResolutionOnly).Opened(TimeSpan.Zero);

        Assert.Empty(Escalations(s.Complaint, Hours(47)));
        Assert.Equal([new EscalationSignal(1, EscalationRole.TeamLead, At(Hours(48)), false)], Escalations(s.Complaint, Hours(48)));
        Assert.Empty(Escalations(s.Complaint, Hours(51)));
        Assert.Equal([new EscalationSignal(2, EscalationRole.DeputyDirector, At(Hours(52)), false)], Escalations(s.Complaint, Hours(52)));
        Assert.Equal([new EscalationSignal(3, EscalationRole.Director, At(Hours(72)), false)], Escalations(s.Complaint, Hours(72)));
        Assert.Empty(Escalations(s.Complaint, Days(30)));
        Assert.Equal(3, s.Complaint.View(At(Days(30))).EscalationLevel);
    }

    [Fact]
    public void High_severity_complaint_starts_at_deputy_director()
    {
        var s = new ComplaintScenario(ResolutionOnly).Opened(TimeSpan.Zero, Severity.High);

        Assert.Equal([new EscalationSignal(2, EscalationRole.DeputyDirector, At(Hours(48)), false)], Escalations(s.Complaint, Hours(48)));
        Assert.Equal(EscalationRole.DeputyDirector, s.Complaint.View(At(Hours(48))).EscalationRole);
        Assert.Equal(At(Hours(52)), s.Complaint.NextDueAt());
        Assert.Equal([new EscalationSignal(3, EscalationRole.Director, At(Hours(52)), false)], Escalations(s.Complaint, Hours(52)));
        Assert.Null(s.Complaint.NextDueAt());
    }

    [Fact]
    public void Levels_passed_unseen_are_each_signalled_late()
    {
        var s = new ComplaintScenario(ResolutionOnly).Opened(TimeSpan.Zero);

        var signals = s.Complaint.Advance(At(Hours(60)));

        Assert.IsType<SlaBreachSignal>(signals[0]);
        Assert.Equal([1, 2], signals.OfType<EscalationSignal>().Select(e => e.Level));
        Assert.All(signals.OfType<EscalationSignal>(), e => Assert.True(e.Late));
    }

    [Fact]
    public void Chain_starts_at_the_first_breach_of_an_escalating_clock()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero);

        var signals = s.Complaint.Advance(At(Min(2)));

        Assert.Equal([typeof(SlaBreachSignal), typeof(EscalationSignal)], signals.Select(x => x.GetType()));
        Assert.Equal(At(Min(2) + Hours(4)), s.Complaint.NextDueAt());
    }

    [Fact]
    public void Breach_of_a_clock_that_does_not_escalate_starts_no_chain()
    {
        var policy = SlaPolicy.Default with { Clocks = [SlaPolicy.DefaultClocks[0] with { Escalates = false }] };
        var s = new ComplaintScenario(policy).Opened(TimeSpan.Zero);

        Assert.Empty(Escalations(s.Complaint, Days(3)));
        Assert.Equal(0, s.Complaint.View(At(Days(3))).EscalationLevel);
        Assert.Equal(EscalationRole.None, s.Complaint.View(At(Days(3))).EscalationRole);
    }

    [Fact]
    public void Manual_escalation_without_level_raises_one_level_and_is_not_signalled_again()
    {
        var s = new ComplaintScenario(ResolutionOnly).Opened(TimeSpan.Zero).Escalated(Hours(1));

        Assert.Equal(1, s.Complaint.View(At(Hours(1))).EscalationLevel);
        Assert.Equal(0, s.Complaint.View(At(Min(59))).EscalationLevel);
        // The breach would reach team lead, which the manual escalation already did.
        Assert.Empty(Escalations(s.Complaint, Hours(48)));
        Assert.Equal([2], Escalations(s.Complaint, Hours(52)).Select(e => e.Level));
    }

    [Fact]
    public void Manual_escalation_to_a_level_skips_automatic_levels_at_or_below_it()
    {
        var s = new ComplaintScenario(ResolutionOnly).Opened(TimeSpan.Zero);
        Escalations(s.Complaint, Hours(48));
        s.Escalated(Hours(49), level: 2);

        Assert.Equal(EscalationRole.DeputyDirector, s.Complaint.View(At(Hours(49))).EscalationRole);
        Assert.Equal(At(Hours(72)), s.Complaint.NextDueAt());
        Assert.Empty(Escalations(s.Complaint, Hours(52)));
        Assert.Equal([3], Escalations(s.Complaint, Hours(72)).Select(e => e.Level));
    }

    [Fact]
    public void Manual_escalation_never_lowers_the_level_and_stops_at_director()
    {
        var s = new ComplaintScenario(ResolutionOnly).Opened(TimeSpan.Zero).Escalated(Hours(1), level: 3).Escalated(Hours(2), level: 1).Escalated(Hours(3));

        Assert.Equal(3, s.Complaint.View(At(Hours(4))).EscalationLevel);
        Assert.Empty(Escalations(s.Complaint, Days(5)));
    }

    [Fact]
    public void Manual_escalation_climbs_from_the_automatic_level_at_its_instant()
    {
        var s = new ComplaintScenario(ResolutionOnly).Opened(TimeSpan.Zero).Escalated(Hours(50));

        Assert.Equal(2, s.Complaint.View(At(Hours(50))).EscalationLevel);
        // Team lead was passed over by the manual escalation before anyone collected it.
        Assert.Empty(Escalations(s.Complaint, Hours(50)));
        Assert.Equal([3], Escalations(s.Complaint, Hours(72)).Select(e => e.Level));
    }

    [Fact]
    public void Resolving_stops_further_escalation()
    {
        var s = new ComplaintScenario(ResolutionOnly).Opened(TimeSpan.Zero);
        Escalations(s.Complaint, Hours(48));
        s.Resolved(Hours(50));

        Assert.Null(s.Complaint.NextDueAt());
        Assert.Empty(s.Complaint.Advance(At(Days(10))));
        Assert.Equal(1, s.Complaint.View(At(Days(10))).EscalationLevel);
    }

    [Fact]
    public void Reopening_lets_the_chain_climb_again_from_the_reopen_instant()
    {
        var s = new ComplaintScenario(ResolutionOnly).Opened(TimeSpan.Zero);
        Escalations(s.Complaint, Hours(48));
        s.Resolved(Hours(50)).Reopened(Hours(60));

        Assert.Equal(At(Hours(60)), s.Complaint.NextDueAt());
        Assert.Equal([new EscalationSignal(2, EscalationRole.DeputyDirector, At(Hours(60)), false)], Escalations(s.Complaint, Hours(60)));
        Assert.Equal([3], Escalations(s.Complaint, Hours(72)).Select(e => e.Level));
    }

    [Fact]
    public void Configured_delays_move_the_levels()
    {
        var policy = ResolutionOnly with { Escalation = new EscalationPolicy([Hours(1), Hours(2)]) };
        var s = new ComplaintScenario(policy).Opened(TimeSpan.Zero);

        Assert.Equal(At(Hours(48)), s.Complaint.NextDueAt());
        s.Complaint.Advance(At(Hours(48)));
        Assert.Equal(At(Hours(49)), s.Complaint.NextDueAt());
        Assert.Equal([1], Escalations(s.Complaint, Hours(49)).Select(e => e.Level));
        Assert.Equal([2], Escalations(s.Complaint, Hours(50)).Select(e => e.Level));
        Assert.Null(s.Complaint.NextDueAt());
    }
}
