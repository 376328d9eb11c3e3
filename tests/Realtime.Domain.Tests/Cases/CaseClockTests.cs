using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;

namespace Realtime.Domain.Tests.Cases;

public class CaseClockTests
{
    private static TimeSpan Min(double m) => TimeSpan.FromMinutes(m);
    private static TimeSpan Days(double d) => TimeSpan.FromDays(d);

    [Fact]
    public void A_survey_clock_runs_from_dispatch_to_acceptance()
    {
        var s = new CaseScenario().Opened(TimeSpan.Zero, amount: 8000, injury: false);
        Assert.Null(s.Clock("surveyAcceptance", Min(1))!.State);

        s.Step("surveyDispatched", Min(1));
        Assert.Equal((ClockState.Running, CaseScenario.At(Min(4))), (s.Clock("surveyAcceptance", Min(2))!.State, s.Clock("surveyAcceptance", Min(2))!.DueAt));

        s.Step("surveyAccepted", Min(3.5));
        Assert.Equal(ClockState.Met, s.Clock("surveyAcceptance", Min(10))!.State);
        Assert.Null(s.Case.NextDueAt() is { } next && next < CaseScenario.At(Days(1)) ? next : null);
    }

    [Fact]
    public void A_survey_not_accepted_in_3_minutes_breaches_once_at_its_due_time_after_a_warning()
    {
        var s = new CaseScenario().Opened(TimeSpan.Zero, amount: 8000, injury: false).Step("surveyDispatched", TimeSpan.Zero);

        Assert.Equal(CaseScenario.At(Min(1.5)), s.Case.NextDueAt());
        Assert.Equal([new SlaWarningSignal("surveyAcceptance", 0.5, CaseScenario.At(Min(1.5)), CaseScenario.At(Min(3)), false)], s.Case.Advance(CaseScenario.At(Min(1.5))));
        // The breach starts the escalation chain: the team lead at once (its first delay is zero).
        var signals = s.Case.Advance(CaseScenario.At(Min(3)));
        Assert.Equal(new SlaBreachSignal("surveyAcceptance", CaseScenario.At(Min(3)), CaseScenario.At(Min(3)), CaseScenario.At(Min(3)), false), signals[0]);
        Assert.Equal([typeof(SlaBreachSignal), typeof(EscalationSignal)], signals.Select(x => x.GetType()));
        Assert.Empty(s.Case.Advance(CaseScenario.At(Min(30))));
        Assert.Equal(ClockState.Breached, s.Clock("surveyAcceptance", Min(4))!.State);
    }

    [Theory]
    [InlineData(2500, false, "smallClaimClosure")]
    [InlineData(4000, true, "smallInjuryClaimClosure")]
    public void The_closure_clock_a_claim_gets_follows_its_amount_and_injury(double amount, bool injury, string clock)
    {
        var s = new CaseScenario().Opened(TimeSpan.Zero, amount: amount, injury: injury);

        var closures = s.Case.View(CaseScenario.At(Min(1))).Clocks.Select(c => c.Name).Where(n => n.EndsWith("Closure", StringComparison.Ordinal));
        Assert.Equal([clock], closures);
    }

    [Fact]
    public void A_large_claim_has_no_closure_clock_and_one_without_attributes_neither()
    {
        var large = new CaseScenario().Opened(TimeSpan.Zero, amount: 9000, injury: false);
        var unknown = new CaseScenario().Opened(TimeSpan.Zero);

        Assert.DoesNotContain(large.Case.View(CaseScenario.At(Min(1))).Clocks, c => c.Name.EndsWith("Closure", StringComparison.Ordinal));
        Assert.DoesNotContain(unknown.Case.View(CaseScenario.At(Min(1))).Clocks, c => c.Name.EndsWith("Closure", StringComparison.Ordinal));
    }

    [Fact]
    public void Closing_a_small_claim_within_7_days_meets_its_clock_and_stops_every_other()
    {
        var s = new CaseScenario().Opened(TimeSpan.Zero, amount: 2500, injury: false).Event(EventType.CaseClosed, Days(6));

        var view = s.Case.View(CaseScenario.At(Days(20)));
        Assert.Equal(Realtime.Domain.Cases.CaseStatus.Closed, view.Status);
        Assert.Equal(ClockState.Met, view.Clocks.Single(c => c.Name == "smallClaimClosure").State);
        Assert.Equal(ClockState.Met, view.Clocks.Single(c => c.Name == "unassessedClaimFollowUp").State);
        Assert.Null(s.Case.NextDueAt());
    }

    [Fact]
    public void Three_follow_ups_within_13_days_meet_the_follow_up_clock_two_do_not()
    {
        var three = new CaseScenario().Opened(TimeSpan.Zero).Step("followedUp", Days(2)).Step("followedUp", Days(5)).Step("followedUp", Days(9));
        var two = new CaseScenario().Opened(TimeSpan.Zero).Step("followedUp", Days(2)).Step("followedUp", Days(5));

        var met = three.Clock("unassessedClaimFollowUp", Days(14))!;
        Assert.Equal((ClockState.Met, CaseScenario.At(Days(9))), (met.State, met.StoppedAt));
        Assert.Equal(ClockState.Breached, two.Clock("unassessedClaimFollowUp", Days(14))!.State);
        Assert.Equal(CaseScenario.At(Days(13)), two.Clock("unassessedClaimFollowUp", Days(14))!.BreachedAt);
    }

    [Fact]
    public void A_loss_assessment_within_13_days_meets_the_follow_up_clock_without_follow_ups()
    {
        var s = new CaseScenario().Opened(TimeSpan.Zero).Step("lossAssessed", Days(12));

        Assert.Equal(ClockState.Met, s.Clock("unassessedClaimFollowUp", Days(14))!.State);
    }

    [Fact]
    public void Follow_ups_counted_are_those_since_the_clock_started_in_event_time_even_when_they_arrive_first()
    {
        var s = new CaseScenario();
        s.Step("followedUp", Days(3)).Step("followedUp", Days(4)).Step("followedUp", Days(5));
        s.Opened(TimeSpan.Zero);

        Assert.Equal(ClockState.Met, s.Clock("unassessedClaimFollowUp", Days(14))!.State);
        Assert.Equal(3, s.Case.View(CaseScenario.At(Days(14))).Steps["followedUp"]);
    }

    [Fact]
    public void A_paused_case_does_not_count_the_pause()
    {
        var s = new CaseScenario().Opened(TimeSpan.Zero, caseType: "followup")
            .Event(EventType.CasePaused, TimeSpan.FromHours(10)).Event(EventType.CaseResumed, TimeSpan.FromHours(14));

        var clock = s.Clock("followupRecordEntry", TimeSpan.FromHours(20))!;
        Assert.Equal((ClockState.Running, TimeSpan.FromHours(16), CaseScenario.At(TimeSpan.FromHours(28))), (clock.State, clock.Elapsed, clock.DueAt));
    }

    [Fact]
    public void A_case_of_another_type_has_only_its_own_clocks()
    {
        var s = new CaseScenario().Opened(TimeSpan.Zero, caseType: "followup");

        Assert.Equal(["followupRecordEntry"], s.Case.View(CaseScenario.At(Min(1))).Clocks.Select(c => c.Name));
    }

    [Fact]
    public void A_repeated_event_changes_nothing_and_attributes_of_later_events_win()
    {
        var s = new CaseScenario().Opened(TimeSpan.Zero, amount: 2500, injury: false);
        var repeat = new FloorEvent { Id = "e1", Type = EventType.CaseOpened, OccurredAt = CaseScenario.T0, CaseId = "C1", CaseType = "claim" };
        s.Event(EventType.CaseStep, Min(5), "lossAssessed", attributes: new() { ["amount"] = CaseAttribute.Of(2800), ["customerName"] = CaseAttribute.Of("张三") });

        Assert.False(s.Case.Apply(repeat));
        var view = s.Case.View(CaseScenario.At(Min(6)));
        Assert.Equal(2800, view.Attributes["amount"].Number);
        Assert.Equal("张*", view.Attributes["customerName"].Text);
        Assert.Equal(("claim", "T1"), (view.CaseType, view.TeamId));
    }
}
