using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using static Realtime.Domain.Tests.Complaints.Span;

namespace Realtime.Domain.Tests.Complaints;

/// <summary>Sla:Escalation:StopWhenClockStops: once the clock that breached has stopped, the chain climbs no further.</summary>
public class ComplaintEscalationStopTests
{
    /// <summary>The default clocks without warnings, so only breaches and escalations are due.</summary>
    private static readonly SlaPolicy NoWarnings = SlaPolicy.Default with
    {
        Clocks = SlaPolicy.DefaultClocks.Select(c => c with { WarnAt = [] }).ToArray(),
    };

    private static DateTimeOffset At(TimeSpan offset) => ComplaintScenario.At(offset);

    private static List<int> Levels(Complaint complaint, TimeSpan offset) =>
        complaint.Advance(At(offset)).OfType<EscalationSignal>().Select(e => e.Level).ToList();

    [Fact]
    public void A_first_response_met_20_s_late_reaches_the_team_lead_and_escalates_no_further()
    {
        var s = new ComplaintScenario(NoWarnings).Opened(TimeSpan.Zero).Responded(Min(2) + Sec(20));

        Assert.Equal([1], Levels(s.Complaint, Min(3)));
        // The next thing due is the resolution breach, not the deputy director 4 h after the first-response breach.
        Assert.Equal(At(Hours(48)), s.Complaint.NextDueAt());
        Assert.Empty(Levels(s.Complaint, Hours(47)));
        var view = s.Complaint.View(At(Hours(10)));
        Assert.Equal(EscalationRole.TeamLead, view.EscalationRole);
        var firstResponse = view.Clocks.Single(c => c.Name == SlaPolicy.FirstResponse);
        Assert.Equal(ClockState.Breached, firstResponse.State);
        Assert.Equal(At(Min(2) + Sec(20)), firstResponse.StoppedAt);
        Assert.Equal(Min(2) + Sec(20), firstResponse.Elapsed);
    }

    [Fact]
    public void A_late_response_arriving_after_the_breach_was_signalled_stops_the_climb_from_then_on()
    {
        var s = new ComplaintScenario(NoWarnings).Opened(TimeSpan.Zero);
        Assert.Equal([1], Levels(s.Complaint, Min(2)));
        Assert.Equal(At(Min(2) + Hours(4)), s.Complaint.NextDueAt());

        s.Responded(Min(5));

        Assert.Equal(At(Hours(48)), s.Complaint.NextDueAt());
        Assert.Equal(1, s.Complaint.View(At(Hours(30))).EscalationLevel);
    }

    [Fact]
    public void A_later_resolution_breach_climbs_its_own_chain_from_its_own_breach()
    {
        var s = new ComplaintScenario(NoWarnings).Opened(TimeSpan.Zero).Responded(Min(2) + Sec(20));
        Levels(s.Complaint, Min(3));

        // Team lead was reached by the first response already; the resolution breach climbs on from there, on its own delays.
        Assert.Empty(Levels(s.Complaint, Hours(48)));
        Assert.Equal(At(Hours(52)), s.Complaint.NextDueAt());
        Assert.Equal([2], Levels(s.Complaint, Hours(52)));
        Assert.Equal([3], Levels(s.Complaint, Hours(72)));
    }

    [Fact]
    public void A_breached_clock_that_is_only_paused_keeps_climbing()
    {
        var policy = NoWarnings with { Clocks = [NoWarnings.Clocks[1]] };
        var s = new ComplaintScenario(policy).Opened(TimeSpan.Zero).Paused(Hours(49));

        Assert.Equal([1], Levels(s.Complaint, Hours(49)));
        Assert.Equal([2], Levels(s.Complaint, Hours(52)));
    }

    [Fact]
    public void A_high_severity_complaint_answered_late_stays_with_the_deputy_director()
    {
        var s = new ComplaintScenario(NoWarnings).Opened(TimeSpan.Zero, Severity.High).Responded(Min(2) + Sec(20));

        Assert.Equal([2], Levels(s.Complaint, Hours(47)));
        Assert.Equal(EscalationRole.DeputyDirector, s.Complaint.View(At(Hours(47))).EscalationRole);
    }

    [Fact]
    public void With_the_option_off_a_late_first_response_still_climbs_to_the_director()
    {
        var policy = NoWarnings with { Escalation = EscalationPolicy.Default with { StopWhenClockStops = false } };
        var s = new ComplaintScenario(policy).Opened(TimeSpan.Zero).Responded(Min(2) + Sec(20));

        Assert.Equal([1], Levels(s.Complaint, Min(3)));
        Assert.Equal(At(Min(2) + Hours(4)), s.Complaint.NextDueAt());
        Assert.Equal([2], Levels(s.Complaint, Min(2) + Hours(4)));
        Assert.Equal([3], Levels(s.Complaint, Min(2) + Hours(24)));
    }

    [Fact]
    public void The_option_is_read_from_configuration_and_defaults_to_true()
    {
        Assert.True(new SlaOptions().ToPolicy().Escalation.StopWhenClockStops);
        Assert.True(SlaPolicy.Default.Escalation.StopWhenClockStops);

        var off = new SlaOptions { Escalation = new EscalationOptions { StopWhenClockStops = false } }.ToPolicy();

        Assert.False(off.Escalation.StopWhenClockStops);
        Assert.Equal(EscalationPolicy.Default.Delays, off.Escalation.Delays);
        Assert.NotEqual(SlaPolicy.Default, off);
    }
}
