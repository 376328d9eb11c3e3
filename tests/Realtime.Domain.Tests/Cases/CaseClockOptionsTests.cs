using Realtime.Domain.Cases;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;

namespace Realtime.Domain.Tests.Cases;

public class CaseClockOptionsTests
{
    private static SlaOptions With(ClockOptions clock)
    {
        var options = new SlaOptions();
        options.Clocks["survey"] = clock;
        return options;
    }

    private static ClockOptions Survey() => new() { CaseType = "claim", StartEvent = "case.step:surveyDispatched", StopEvent = "case.step:surveyAccepted", Target = TimeSpan.FromMinutes(3) };

    [Fact]
    public void A_case_clock_becomes_part_of_the_case_policy_not_the_complaint_policy()
    {
        var options = With(Survey());

        Assert.Empty(options.Validate());
        Assert.Equal(SlaPolicy.DefaultClocks, options.ToPolicy().Clocks);
        var clock = Assert.Single(options.ToCasePolicy(new Dictionary<string, Realtime.Domain.Calendars.WorkingCalendar>()).Clocks);
        Assert.Equal(("survey", "claim", new CaseTrigger(EventType.CaseStep, "surveyDispatched"), new CaseTrigger(EventType.CaseStep, "surveyAccepted")),
            (clock.Name, clock.CaseType, clock.Start, clock.Stop));
        Assert.Equal((CaseTrigger.Paused, CaseTrigger.Resumed, TimeSpan.FromMinutes(3)), (clock.Pause, clock.Resume, clock.Clock.Target));
        Assert.Equal(["claim"], options.ToCasePolicy(new Dictionary<string, Realtime.Domain.Calendars.WorkingCalendar>()).CaseTypes);
    }

    [Fact]
    public void An_invalid_condition_stops_the_start_naming_its_key()
    {
        var clock = Survey();
        clock.When = "amount < and injury == false";

        Assert.Equal(["Sla:Clocks:survey:When 'amount < and injury == false': at position 10: expected a number, true, false or a quoted string after 'amount <' (e.g. amount < 3000 and injury == false)"],
            With(clock).Validate());
        Assert.Throws<InvalidOperationException>(() => With(clock).ToCasePolicy(new Dictionary<string, Realtime.Domain.Calendars.WorkingCalendar>()));
    }

    [Fact]
    public void Case_clock_keys_are_each_checked_by_name()
    {
        var clock = new ClockOptions
        {
            CaseType = "claim",
            StartEvent = "complaint.opened",
            StopEvent = "case.step:",
            PauseEvent = "case.nap",
            Count = new CaseCountOptions { Step = "followedUp", AtLeast = 0 },
            OnReopen = "Restart",
        };

        Assert.Equal(
        [
            "Sla:Clocks:survey:Target is required for a case clock",
            "Sla:Clocks:survey:StartEvent 'complaint.opened': must be case.opened, case.step:<step>, case.paused, case.resumed or case.closed",
            "Sla:Clocks:survey:StopEvent 'case.step:': must be case.opened, case.step:<step>, case.paused, case.resumed or case.closed",
            "Sla:Clocks:survey:PauseEvent 'case.nap': must be case.opened, case.step:<step>, case.paused, case.resumed or case.closed",
            "Sla:Clocks:survey:Count:AtLeast must be at least 1 (now 0)",
            "Sla:Clocks:survey:OnReopen applies to complaint clocks only (cases are not reopened)",
        ], With(clock).Validate());
    }

    [Fact]
    public void Case_keys_on_a_complaint_clock_are_refused()
    {
        var options = new SlaOptions();
        options.Clocks["resolution"] = new ClockOptions { When = "amount < 3000" };

        Assert.Equal(["Sla:Clocks:resolution:When applies to clocks of generic cases only: set Sla:Clocks:resolution:CaseType (e.g. claim)"], options.Validate());
    }

    [Fact]
    public void Pausable_false_gives_a_case_clock_no_pause()
    {
        var clock = Survey();
        clock.Pausable = false;

        var policy = Assert.Single(With(clock).ToCasePolicy(new Dictionary<string, Realtime.Domain.Calendars.WorkingCalendar>()).Clocks);
        Assert.Null(policy.Pause);
    }
}
