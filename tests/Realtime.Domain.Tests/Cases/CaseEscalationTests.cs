using System.Text.Json;
using Realtime.Domain.Calendars;
using Realtime.Domain.Cases;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using Realtime.Testing;

namespace Realtime.Domain.Tests.Cases;

/// <summary>
/// A breached case clock climbs the escalation chain of <c>Sla:Escalation</c> as a complaint clock does: team lead at the
/// breach, deputy director 4 h and director 24 h after it by default, in working time on a calendar clock.
/// </summary>
public class CaseEscalationTests
{
    private static readonly DateTimeOffset Friday1700 = new(2026, 11, 6, 17, 0, 0, TimeSpan.FromHours(8));

    private static TimeSpan Min(double m) => TimeSpan.FromMinutes(m);
    private static TimeSpan Hours(double h) => TimeSpan.FromHours(h);

    [Fact]
    public void A_breached_survey_clock_climbs_team_lead_deputy_director_director_each_once_at_its_instant()
    {
        var time = new FakeTimeProvider(CaseScenario.T0);
        var s = Dispatched(SurveyOnly());

        time.Advance(Min(3));
        var atBreach = s.Case.Advance(time.GetUtcNow());
        Assert.Equal(Escalation(1, EscalationRole.TeamLead, CaseScenario.At(Min(3))), atBreach[^1]);
        Assert.Equal((1, EscalationRole.TeamLead), Level(s, time));
        Assert.Equal(CaseScenario.At(Hours(4) + Min(3)), s.Case.NextDueAt());

        time.Advance(Hours(4));
        Assert.Equal([Escalation(2, EscalationRole.DeputyDirector, CaseScenario.At(Hours(4) + Min(3)))], s.Case.Advance(time.GetUtcNow()));
        Assert.Equal(CaseScenario.At(Hours(24) + Min(3)), s.Case.NextDueAt());

        time.Advance(Hours(20));
        Assert.Equal([Escalation(3, EscalationRole.Director, CaseScenario.At(Hours(24) + Min(3)))], s.Case.Advance(time.GetUtcNow()));
        Assert.Equal((3, EscalationRole.Director), Level(s, time));
        Assert.Null(s.Case.NextDueAt());
        Assert.Empty(s.Case.Advance(time.GetUtcNow() + Hours(100)));
    }

    [Fact]
    public void On_a_working_calendar_the_chain_climbs_in_working_time_across_the_weekend()
    {
        var time = new FakeTimeProvider(Friday1700);
        var s = new CaseScenario(policy: SurveyOnly(calendar: true));
        s.Event(EventType.CaseOpened, Friday1700 - CaseScenario.T0, caseType: "claim").Step("surveyDispatched", Friday1700 - CaseScenario.T0);

        time.Advance(Min(3));
        Assert.IsType<EscalationSignal>(s.Case.Advance(time.GetUtcNow())[^1]);
        // 57 working minutes left on Friday, then Monday 09:00-12:00 and 13:30-…: 4 working hours end Monday 13:33.
        var monday = new DateTimeOffset(2026, 11, 9, 13, 33, 0, TimeSpan.FromHours(8));
        Assert.Equal(monday, s.Case.NextDueAt());
        time.SetUtcNow(monday - TimeSpan.FromSeconds(1));
        Assert.Empty(s.Case.Advance(time.GetUtcNow()));
        Assert.Equal((1, EscalationRole.TeamLead), Level(s, time));

        time.SetUtcNow(monday);
        Assert.Equal([Escalation(2, EscalationRole.DeputyDirector, monday)], s.Case.Advance(time.GetUtcNow()));
        // 24 working hours: 57 min on Friday, 7.5 h on each of Monday to Wednesday, 33 min on Thursday.
        Assert.Equal(new DateTimeOffset(2026, 11, 12, 9, 33, 0, TimeSpan.FromHours(8)), s.Case.NextDueAt());
    }

    [Fact]
    public void The_chain_stops_climbing_when_the_breached_clock_stops()
    {
        var time = new FakeTimeProvider(CaseScenario.T0);
        var s = Dispatched(SurveyOnly());
        s.Step("surveyAccepted", Hours(1));

        time.Advance(Hours(30));
        var signals = s.Case.Advance(time.GetUtcNow());
        Assert.Equal([Escalation(1, EscalationRole.TeamLead, CaseScenario.At(Min(3)), late: true)], signals.OfType<EscalationSignal>());
        Assert.Equal((1, EscalationRole.TeamLead), Level(s, time));
        Assert.Null(s.Case.NextDueAt());
    }

    [Fact]
    public void Without_StopWhenClockStops_the_chain_climbs_until_the_case_is_closed()
    {
        var time = new FakeTimeProvider(CaseScenario.T0);
        var s = Dispatched(SurveyOnly(stopWhenClockStops: false));
        s.Step("surveyAccepted", Hours(1)).Event(EventType.CaseClosed, Hours(10));

        time.Advance(Hours(30));
        Assert.Equal([1, 2], s.Case.Advance(time.GetUtcNow()).OfType<EscalationSignal>().Select(x => x.Level));
        Assert.Equal((2, EscalationRole.DeputyDirector), Level(s, time));
    }

    [Fact]
    public void A_clock_configured_not_to_escalate_breaches_without_climbing()
    {
        var time = new FakeTimeProvider(CaseScenario.T0);
        var s = Dispatched(SurveyOnly(escalates: false));

        time.Advance(Hours(30));
        Assert.IsType<SlaBreachSignal>(Assert.Single(s.Case.Advance(time.GetUtcNow())));
        Assert.Equal((0, EscalationRole.None), Level(s, time));
    }

    [Fact]
    public void A_reloaded_or_replayed_case_never_escalates_twice()
    {
        var time = new FakeTimeProvider(CaseScenario.T0);
        var policy = SurveyOnly();
        var s = Dispatched(policy);
        time.Advance(Hours(5));
        Assert.Equal([1, 2], s.Case.Advance(time.GetUtcNow()).OfType<EscalationSignal>().Select(x => x.Level));

        // Saved and reloaded, then woken again by a repeated deadline: nothing more is due.
        var reloaded = new Case(JsonSerializer.Deserialize<CaseState>(JsonSerializer.Serialize(s.Case.State))!, policy);
        Assert.Empty(reloaded.Advance(time.GetUtcNow()));
        Assert.Empty(reloaded.Advance(time.GetUtcNow()));
        Assert.Equal(2, reloaded.View(time.GetUtcNow()).EscalationLevel);

        // Replayed under the same policy: the levels stay signalled.
        var same = reloaded.ReplayUnder(policy, time.GetUtcNow());
        Assert.Empty(same.Advance(time.GetUtcNow()));
        Assert.Equal(2, same.View(time.GetUtcNow()).EscalationLevel);

        // Replayed under a chain whose deputy director comes after 8 h: level 2 is not reached yet, and climbs once when it is.
        var slower = SurveyOnly(delays: [TimeSpan.Zero, Hours(8), Hours(24)]);
        var replayed = reloaded.ReplayUnder(slower, time.GetUtcNow());
        Assert.Equal(1, replayed.View(time.GetUtcNow()).EscalationLevel);
        Assert.Empty(replayed.Advance(time.GetUtcNow()));
        Assert.Equal(CaseScenario.At(Hours(8) + Min(3)), replayed.NextDueAt());
        time.Advance(Hours(4));
        Assert.Equal([2], replayed.Advance(time.GetUtcNow()).OfType<EscalationSignal>().Select(x => x.Level));
        Assert.Empty(replayed.Advance(time.GetUtcNow()));
        Assert.Equal(1, s.Case.State.Escalations.Count(e => e.Level == 2));
    }

    private static CaseScenario Dispatched(CasePolicy policy) =>
        new CaseScenario(policy: policy).Event(EventType.CaseOpened, TimeSpan.Zero, caseType: "claim").Step("surveyDispatched", TimeSpan.Zero);

    private static (int, EscalationRole) Level(CaseScenario s, FakeTimeProvider time)
    {
        var view = s.Case.View(time.GetUtcNow());
        return (view.EscalationLevel, view.EscalationRole);
    }

    private static EscalationSignal Escalation(int level, EscalationRole role, DateTimeOffset at, bool late = false) =>
        new(level, role, at, late) { Clock = "surveyAcceptance" };

    /// <summary>The 3-minute survey clock alone, as configuration would give it.</summary>
    private static CasePolicy SurveyOnly(bool calendar = false, bool stopWhenClockStops = true, bool? escalates = null, TimeSpan[]? delays = null)
    {
        var options = new SlaOptions { Escalation = new EscalationOptions { Delays = delays, StopWhenClockStops = stopWhenClockStops } };
        options.Clocks["surveyAcceptance"] = new ClockOptions
        {
            CaseType = "claim",
            StartEvent = "case.step:surveyDispatched",
            StopEvent = "case.step:surveyAccepted",
            Target = Min(3),
            Calendar = calendar ? "office" : null,
            Escalates = escalates,
        };
        return options.ToCasePolicy(new Dictionary<string, WorkingCalendar> { ["office"] = new WorkingCalendar("Asia/Shanghai") { Name = "office" } });
    }
}
