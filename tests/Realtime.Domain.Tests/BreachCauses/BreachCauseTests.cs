using Realtime.Domain.BreachCauses;
using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;

namespace Realtime.Domain.Tests.BreachCauses;

public class BreachCauseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 23, 0, 0, TimeSpan.FromHours(8));
    private static readonly CompanyCalendar Calendar = CompanyCalendar.Default;

    private static ClockOutcome Breached(string clock, TimeSpan at) => new(clock, ClockState.Breached, null, T0 + at);

    private static BreachExplanation Explained(string? clock, string code, TimeSpan at) => new(clock, code, null, T0 + at, "S1");

    [Fact]
    public void An_explanation_naming_a_clock_explains_that_breach_on_the_day_it_happened()
    {
        var causes = BreachCauseRules.Explained("complaint:C1", [Breached("firstResponse", TimeSpan.FromMinutes(2)), Breached("resolution", TimeSpan.FromHours(48))],
            [Explained("resolution", "awaitingDocuments", TimeSpan.FromHours(50))], "T1", "A1", Calendar);

        Assert.Equal([new BreachCause("complaint:C1/resolution", "resolution", "awaitingDocuments", new DateOnly(2026, 11, 4), "T1", "A1")], causes);
    }

    [Fact]
    public void An_explanation_naming_no_clock_explains_the_first_breach_and_the_latest_explanation_wins()
    {
        var causes = BreachCauseRules.Explained("case:X", [Breached("b", TimeSpan.FromHours(2)), Breached("a", TimeSpan.FromHours(1))],
            [Explained(null, "workload", TimeSpan.FromHours(3)), Explained(null, "systemFault", TimeSpan.FromHours(4))], "T1", "A1", Calendar);

        Assert.Equal([new BreachCause("case:X/a", "a", "systemFault", new DateOnly(2026, 11, 3), "T1", "A1")], causes);
    }

    [Fact]
    public void An_explanation_of_a_clock_that_has_not_breached_counts_nothing()
    {
        var running = new ClockOutcome("resolution", ClockState.Running, null, null);

        Assert.Empty(BreachCauseRules.Explained("complaint:C1", [running], [Explained("resolution", "workload", TimeSpan.Zero)], "T1", "A1", Calendar));
    }

    [Fact]
    public void The_ledger_replaces_a_re_explained_breach_and_sums_per_reason_team_and_agent_over_a_range()
    {
        var day = new DateOnly(2026, 11, 2);
        var ledger = new BreachCauseLedger();
        Assert.True(ledger.Record(new BreachCause("complaint:C1/firstResponse", "firstResponse", "workload", day, "T1", "A1")));
        Assert.False(ledger.Record(new BreachCause("complaint:C1/firstResponse", "firstResponse", "workload", day, "T1", "A1")));
        ledger.Record(new BreachCause("complaint:C1/firstResponse", "firstResponse", "customerUnreachable", day, "T1", "A1"));
        ledger.Record(new BreachCause("complaint:C2/firstResponse", "firstResponse", "customerUnreachable", day, "T1", "A2"));
        ledger.Record(new BreachCause("case:X/surveyAcceptance", "surveyAcceptance", "systemFault", day, "T2", "A3"));
        ledger.Record(new BreachCause("complaint:C3/resolution", "resolution", "workload", day.AddDays(-10), "T1", "A1"));

        var today = ledger.Summarize(new LocalDateRange(day, day));
        Assert.Equal(3, today.Total);
        Assert.Equal(new Dictionary<string, int> { ["customerUnreachable"] = 2, ["systemFault"] = 1 }, today.Reasons);
        Assert.Equal([("T1", 2), ("T2", 1)], today.Teams.Select(t => (t.Id, t.Total)));
        Assert.Equal([("A1", "T1", 1), ("A2", "T1", 1), ("A3", "T2", 1)], today.Agents.Select(a => (a.Id, a.TeamId, a.Total)));
        Assert.Equal(2, ledger.Summarize(new LocalDateRange(day.AddDays(-30), day), "T1").Agents.Single(a => a.Id == "A1").Total);
    }

    [Fact]
    public void Reasons_default_in_code_and_a_bad_list_is_shown_as_judged()
    {
        Assert.Equal(["customerUnreachable", "waitingOnThirdParty", "awaitingDocuments", "workload", "systemFault", "handlingError", "other"], new BreachCauseOptions().EffectiveReasons);
        Assert.Empty(new BreachCauseOptions().Validate());
        Assert.Equal(["BreachCauses:Reasons [late, late]: must not repeat a reason ('late' is listed 2 times)"], new BreachCauseOptions { Reasons = ["late", "late"] }.Validate());
        Assert.Equal(["BreachCauses:Reasons [ok, no way]: BreachCauses:Reasons:1 'no way' must be 1 to 64 letters, digits, '_' or '-'"], new BreachCauseOptions { Reasons = ["ok", "no way"] }.Validate());
    }
}
