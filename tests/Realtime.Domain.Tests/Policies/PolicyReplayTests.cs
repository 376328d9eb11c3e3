using Realtime.Domain.Cases;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Policies;
using Realtime.Domain.Tests.Cases;
using Realtime.Domain.Tests.Complaints;

namespace Realtime.Domain.Tests.Policies;

public class PolicyReplayTests
{
    private static TimeSpan Hours(double h) => TimeSpan.FromHours(h);
    private static TimeSpan Min(double m) => TimeSpan.FromMinutes(m);

    private static SlaPolicy WithResolution(TimeSpan target) => SlaPolicy.Default with
    {
        Clocks = SlaPolicy.DefaultClocks.Select(c => c.Name == SlaPolicy.Resolution ? c with { Target = target } : c).ToArray(),
    };

    [Fact]
    public void The_same_definition_has_the_same_version_and_a_changed_target_a_new_one()
    {
        Assert.Equal(PolicyVersion.Of(SlaPolicy.Default), PolicyVersion.Of(new SlaOptions().ToPolicy()));
        Assert.Equal(12, PolicyVersion.Of(SlaPolicy.Default).Length);
        var changed = WithResolution(Hours(24));
        Assert.NotEqual(PolicyVersion.Of(SlaPolicy.Default), PolicyVersion.Of(changed));
        // Only the changed clock's own version moves.
        Assert.Equal(PolicyVersion.Of(SlaPolicy.DefaultClocks[0]), PolicyVersion.Of(changed.Clocks[0]));
        Assert.NotEqual(PolicyVersion.Of(SlaPolicy.DefaultClocks[1]), PolicyVersion.Of(changed.Clocks[1]));
    }

    [Fact]
    public void Clocks_show_the_version_of_the_policy_they_run_under()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero);
        var view = s.Complaint.View(ComplaintScenario.At(Hours(1)));
        Assert.All(view.Clocks, c => Assert.Equal(PolicyVersion.Of(SlaPolicy.Default.Clocks.Single(p => p.Name == c.Name)), c.PolicyVersion));
    }

    [Fact]
    public void A_shorter_target_replayed_moves_the_due_time_and_brings_a_breach_which_the_next_advance_signals_once()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Responded(Min(1));
        var now = ComplaintScenario.At(Hours(30));
        s.Complaint.Advance(now);
        var before = s.Complaint.View(now);

        var replayed = s.Complaint.ReplayUnder(WithResolution(Hours(24)), now);
        var changes = ClockChange.Between(before.Clocks, replayed.View(now).Clocks);

        var resolution = Assert.Single(changes);
        Assert.Equal(SlaPolicy.Resolution, resolution.Clock);
        Assert.Equal((ComplaintScenario.At(Hours(48)), ComplaintScenario.At(Hours(24))), (resolution.DueAtBefore, resolution.DueAtAfter));
        Assert.True(resolution.DueAtMoves);
        Assert.True(resolution.BreachAppears);
        Assert.Equal((ClockState.Running, ClockState.Breached), (resolution.StateBefore, resolution.StateAfter));
        Assert.NotEqual(resolution.VersionBefore, resolution.VersionAfter);
        // The original is untouched.
        Assert.Equal(before.Clocks, s.Complaint.View(now).Clocks);

        var breach = Assert.IsType<SlaBreachSignal>(replayed.Advance(now).First(x => x is SlaBreachSignal));
        Assert.Equal((SlaPolicy.Resolution, ComplaintScenario.At(Hours(24)), true), (breach.Clock, breach.BreachedAt, breach.Late));
        Assert.DoesNotContain(replayed.Advance(now + Hours(1)), x => x is SlaBreachSignal);
    }

    [Fact]
    public void A_longer_target_replayed_makes_a_breach_vanish_and_lets_the_clock_breach_again_at_its_new_due_time()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Responded(Min(1));
        var now = ComplaintScenario.At(Hours(50));
        Assert.Contains(s.Complaint.Advance(now), x => x is SlaBreachSignal { Clock: SlaPolicy.Resolution });

        var replayed = s.Complaint.ReplayUnder(WithResolution(Hours(72)), now);
        var change = Assert.Single(ClockChange.Between(s.Complaint.View(now).Clocks, replayed.View(now).Clocks));
        Assert.True(change.BreachVanishes);
        Assert.Equal((ClockState.Breached, ClockState.Running, ComplaintScenario.At(Hours(72))), (change.StateBefore, change.StateAfter, change.DueAtAfter));
        Assert.Equal(0, replayed.View(now).EscalationLevel);

        Assert.Equal(ComplaintScenario.At(Hours(72)), replayed.Advance(ComplaintScenario.At(Hours(72))).OfType<SlaBreachSignal>().Single().BreachedAt);
    }

    [Fact]
    public void Replaying_under_the_same_policy_changes_nothing()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Paused(Hours(2)).Resumed(Hours(5));
        var now = ComplaintScenario.At(Hours(60));
        s.Complaint.Advance(now);
        var replayed = s.Complaint.ReplayUnder(SlaPolicy.Default, now);
        Assert.Empty(ClockChange.Between(s.Complaint.View(now).Clocks, replayed.View(now).Clocks));
        Assert.Empty(replayed.Advance(now));
        Assert.Equal(s.Complaint.State.Breaches, replayed.State.Breaches);
    }

    [Fact]
    public void A_case_replayed_under_a_longer_survey_target_loses_its_breach_and_a_new_condition_adds_a_clock()
    {
        var s = new CaseScenario().Opened(TimeSpan.Zero, amount: 4000, injury: false).Step("surveyDispatched", TimeSpan.Zero);
        var now = CaseScenario.At(Min(4));
        Assert.Contains(s.Case.Advance(now), x => x is SlaBreachSignal);

        var options = new SlaOptions();
        options.Clocks["surveyAcceptance"] = new ClockOptions { CaseType = "claim", StartEvent = "case.step:surveyDispatched", StopEvent = "case.step:surveyAccepted", Target = Min(5) };
        options.Clocks["smallClaimClosure"] = new ClockOptions { CaseType = "claim", StartEvent = "case.opened", StopEvent = "case.closed", When = "amount < 5000 and injury == false", Target = TimeSpan.FromDays(7) };
        var replayed = s.Case.ReplayUnder(options.ToCasePolicy(new Dictionary<string, Realtime.Domain.Calendars.WorkingCalendar>()), now);

        var changes = ClockChange.Between(s.Case.View(now).Clocks, replayed.View(now).Clocks).ToDictionary(c => c.Clock);
        Assert.True(changes["surveyAcceptance"].BreachVanishes);
        Assert.Equal(CaseScenario.At(Min(5)), changes["surveyAcceptance"].DueAtAfter);
        Assert.Equal((null, ClockState.Running), (changes["smallClaimClosure"].StateBefore, changes["smallClaimClosure"].StateAfter));
        Assert.Null(changes["smallClaimClosure"].VersionBefore);
        Assert.Empty(replayed.State.Breaches);
        Assert.Equal(CaseScenario.At(Min(5)), replayed.Advance(CaseScenario.At(Min(5))).OfType<SlaBreachSignal>().Single().BreachedAt);
    }
}
