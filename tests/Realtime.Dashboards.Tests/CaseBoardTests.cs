using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// Generic cases on the boards (issue 24): a claim whose 3-minute survey clock (the shipped <c>surveyAcceptance</c>)
/// breaches live shows on the wall board at its due time, and an agent sees their own open cases. Time is driven as the
/// other board tests drive it: by the events' own instants (the survey was dispatched 2 min 55 s ago), never by waiting minutes.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class CaseBoardTests(HeadlessChromium chromium, RealtimeServer server) : IClassFixture<RealtimeServer>
{
    private static readonly TimeSpan SurveyTarget = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_claim_whose_3_minute_survey_clock_breaches_shows_on_the_board_at_its_due_time()
    {
        var team = FloorEvents.UniqueId("T-claims");
        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={team}");
        var claimId = FloorEvents.UniqueId("CLM");
        var calm = FloorEvents.UniqueId("CLM-calm");
        var dispatched = DateTimeOffset.UtcNow - SurveyTarget + TimeSpan.FromSeconds(5);
        await server.IngestAsync(
            FloorEvents.CaseOpened(claimId, "claim", team, "A-3001", dispatched),
            FloorEvents.CaseStep(claimId, "surveyDispatched", dispatched),
            FloorEvents.CaseOpened(calm, "claim", team, "A-3002", DateTimeOffset.UtcNow),
            FloorEvents.CaseStep(calm, "surveyDispatched", DateTimeOffset.UtcNow));

        // Warned (over 90 % of the 3 minutes used): on the board with its id, type, clock and time left.
        var card = board.CaseCard(claimId);
        await Expect(card).ToHaveAttributeAsync("data-band", "urgent", new() { Timeout = 4_000 });
        await Expect(card.Locator(".card-id")).ToHaveTextAsync(claimId);
        await Expect(card.Locator(".badge-case")).ToHaveTextAsync("理赔");
        await Expect(card.Locator(".card-clock")).ToHaveTextAsync("查勘受理");
        await Expect(card.Locator(".card-countdown")).ToHaveTextAsync(new Regex(@"^00:0\d$"));
        // A claim with most of its time left is not on the wall.
        await Expect(board.CaseCard(calm)).ToHaveCountAsync(0);

        // At its due time it breaches, live: the card turns breached and counts the time overdue.
        await Expect(card).ToHaveAttributeAsync("data-band", "breached", new() { Timeout = 10_000 });
        await Expect(card.Locator(".band-label")).ToHaveTextAsync("超时");
        await Expect(card.Locator(".card-countdown")).ToHaveTextAsync(new Regex(@"^\+00:\d{2}$"));
        await board.ScreenshotAsync("wallboard-claim-breached");

        // The server breached it at its due time, not when someone looked.
        var view = await server.Http.GetFromJsonAsync<JsonElement>($"/api/cases/{claimId}");
        var survey = view.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "surveyAcceptance");
        Assert.Equal("breached", survey.GetProperty("state").GetString());
        Assert.Equal(dispatched + SurveyTarget, survey.GetProperty("breachedAt").GetDateTimeOffset());

        await board.Page.Locator("#lang-switch").ClickAsync();
        await Expect(card.Locator(".badge-case")).ToHaveTextAsync("Claim");
        await Expect(card.Locator(".card-clock")).ToHaveTextAsync("Survey acceptance");
        await Expect(card.Locator(".band-label")).ToHaveTextAsync("Breached");
        var problems = await board.FindUnreadableTextAsync($".card[data-case-id=\"{claimId}\"]");
        Assert.True(problems.Length == 0, "Unreadable on the claim's card:\n" + string.Join("\n", problems));
        board.AssertNoErrors();
    }

    [Fact]
    public async Task The_wall_board_shows_its_teams_case_clock_kpis_from_REST_and_keeps_them_live()
    {
        var team = FloorEvents.UniqueId("T-case-kpis");
        var (onTime, late) = (FloorEvents.UniqueId("CLM-on-time"), FloorEvents.UniqueId("CLM-late"));
        var now = DateTimeOffset.UtcNow;
        // Before the board opens: one survey accepted in 1 minute, so the REST load alone must show 100 %.
        await server.IngestAsync(
            FloorEvents.CaseOpened(onTime, "claim", team, "A-3101", now.AddMinutes(-2)),
            FloorEvents.CaseStep(onTime, "surveyDispatched", now.AddMinutes(-2)),
            FloorEvents.CaseStep(onTime, "surveyAccepted", now.AddMinutes(-1)));

        // The case clocks share the KPI strip's box with the complaint KPIs, shown in turn: a 1-second turn for the test.
        await using var board = await DashboardPage.OpenViewAsync(chromium, server, $"/wallboard?team={team}&kpiRotate=1", 1366, 768);
        var caseGroup = board.Page.Locator("#case-kpis");
        var survey = board.Page.Locator("#case-kpis .kpi[data-clock=\"surveyAcceptance\"]");
        // A clock with data puts the group in the turn: it comes on screen, in place of the complaint KPIs, not below them.
        await Expect(caseGroup).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await board.Page.WaitForFunctionAsync("() => document.querySelector('#kpis').dataset.kpiGroup === 'case'");
        await Expect(board.Page.Locator("#case-kpis .wb-case-kpis-label")).ToHaveTextAsync("案件时效");
        await Expect(survey.Locator(".kpi-value")).ToHaveTextAsync("100%");
        await Expect(survey.Locator(".kpi-name")).ToHaveTextAsync("查勘3分钟接受");
        // The KPI has no configured target: tracked, as the complaint KPIs without one read.
        await Expect(survey).ToHaveAttributeAsync("data-status", "tracked");
        // No closure ended today for this team: that one truly has no data.
        await Expect(board.Page.Locator("#case-kpis .kpi[data-clock=\"smallClaimClosure\"]")).ToHaveAttributeAsync("data-status", "noData");

        // A survey accepted 4 minutes after dispatch ends breached: 1 of 2 met, pushed live (caseKpiChanged).
        await server.IngestAsync(
            FloorEvents.CaseOpened(late, "claim", team, "A-3102", now.AddMinutes(-5)),
            FloorEvents.CaseStep(late, "surveyDispatched", now.AddMinutes(-5)),
            FloorEvents.CaseStep(late, "surveyAccepted", now.AddMinutes(-1)));
        await Expect(survey.Locator(".kpi-value")).ToHaveTextAsync("50%", new() { Timeout = 5_000 });

        await board.Page.Locator("#lang-switch").ClickAsync();
        await Expect(board.Page.Locator("#case-kpis .wb-case-kpis-label")).ToHaveTextAsync("Case clocks");
        await Expect(survey.Locator(".kpi-name")).ToHaveTextAsync("Survey 3 min");
        await Expect(board.Page.Locator("#case-kpis .kpi[data-clock=\"smallClaimClosure\"] .kpi-status")).ToHaveTextAsync("No data");
        // The turn goes on: the complaint KPIs come back into the same box, and the case group then returns.
        await Expect(caseGroup).ToBeHiddenAsync(new() { Timeout = 5_000 });
        await Expect(board.Page.Locator("#kpis > .kpi").First).ToBeVisibleAsync();
        await Expect(caseGroup).ToBeVisibleAsync(new() { Timeout = 5_000 });
        var problems = await board.FindUnreadableTextAsync("#kpis");
        Assert.True(problems.Length == 0, "Unreadable in the KPI strip at 1366×768:\n" + string.Join("\n", problems));
        await board.AssertFitsScreenAsync();
        await board.ScreenshotAsync("wallboard-case-kpis");
        board.AssertNoErrors();
    }

    [Fact]
    public async Task An_agent_sees_their_own_open_cases_with_their_clock_counting_down()
    {
        var agent = FloorEvents.UniqueId("A-cases");
        var team = FloorEvents.UniqueId("T-cases");
        var mine = FloorEvents.UniqueId("CLM-mine");
        var theirs = FloorEvents.UniqueId("CLM-theirs");
        await using var view = await DashboardPage.OpenViewAsync(chromium, server, $"/agent?id={agent}", 900, 1000);
        view.AllowFailedRequest("/scorecard");

        var now = DateTimeOffset.UtcNow;
        await server.IngestAsync(
            FloorEvents.CaseOpened(mine, "claim", team, agent, now),
            FloorEvents.CaseStep(mine, "surveyDispatched", now),
            FloorEvents.CaseOpened(theirs, "claim", team, "A-someone-else", now));

        var row = view.Page.Locator($".agent-cases [data-case-id=\"{mine}\"]");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 4_000 });
        await Expect(row.Locator(".ac-what")).ToHaveTextAsync("理赔");
        await Expect(row.Locator(".ac-clock-name")).ToHaveTextAsync("查勘受理");
        await Expect(row.Locator(".ac-countdown")).ToHaveTextAsync(new Regex(@"^0[23]:\d{2}$"));
        await Expect(view.Page.Locator($"[data-case-id=\"{theirs}\"]")).ToHaveCountAsync(0);
        await Expect(view.Page.Locator("#case-count")).ToHaveTextAsync("1");

        // After a reload the REST answer (GET /api/cases?agent=) brings it back before any push.
        await view.Page.ReloadAsync();
        await Expect(view.Page.Locator($".agent-cases [data-case-id=\"{mine}\"]")).ToBeVisibleAsync();
        await view.ScreenshotAsync("agent-cases");
        view.AssertNoErrors();
    }
}
