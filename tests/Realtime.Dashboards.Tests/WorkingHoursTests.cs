using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>Clocks that count working time only (issue 24): outside working hours the board says so and the countdown stands still.</summary>
[Collection(DashboardCollection.Name)]
public sealed class WorkingHoursTests(HeadlessChromium chromium, OfficeHoursServer server) : IClassFixture<OfficeHoursServer>
{
    [Fact]
    public async Task Outside_working_hours_the_card_says_paused_and_its_countdown_of_working_time_stands_still()
    {
        var team = FloorEvents.UniqueId("T-hours");
        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={team}");
        var complaintId = FloorEvents.UniqueId("C-hours");
        // Answered at once, so the card's focus is the resolution clock, which counts in the office calendar.
        await server.IngestAsync(FloorEvents.ComplaintOpened(complaintId, team), FloorEvents.ComplaintResponded(complaintId, "A-1001", DateTimeOffset.UtcNow));

        var card = board.Card(complaintId);
        await Expect(card.Locator(".card-clock")).ToHaveTextAsync("处理时效", new() { Timeout = 5_000 });
        await Expect(card.Locator(".band-label")).ToHaveTextAsync("暂停计时 · 非工作时间");
        await Expect(card.Locator(".card-note")).ToHaveTextAsync(new Regex(@"^\d{2}-\d{2} 09:00 恢复计时$"));
        // All 8 working hours are left: none of the wall time since opening was working time.
        var countdown = card.Locator(".card-countdown");
        await Expect(countdown).ToHaveTextAsync("8:00:00");
        await AssertCardReadableAsync(board, complaintId);
        await board.ScreenshotAsync("wallboard-outside-working-hours");

        // Let the board's clock tick twice (more than a second of wall time); the countdown has not moved.
        var serverTime = board.Page.Locator("#server-time");
        for (var tick = 0; tick < 2; tick++)
        {
            var shown = await serverTime.TextContentAsync();
            await Expect(serverTime).Not.ToHaveTextAsync(shown!, new() { Timeout = 3_000 });
        }

        await Expect(countdown).ToHaveTextAsync("8:00:00");
        await Expect(card.Locator(".band-label")).ToHaveTextAsync("暂停计时 · 非工作时间");

        await board.Page.Locator("#lang-switch").ClickAsync();
        await Expect(card.Locator(".band-label")).ToHaveTextAsync("Paused · outside working hours");
        await Expect(card.Locator(".card-note")).ToHaveTextAsync(new Regex(@"^resumes \d{2}-\d{2} 09:00$"));
        await AssertCardReadableAsync(board, complaintId);
        await board.ScreenshotAsync("wallboard-outside-working-hours-en");
        board.AssertNoErrors();
    }

    // The long label and the resume line must be whole, not cut at the card's edge.
    private static async Task AssertCardReadableAsync(DashboardPage board, string complaintId)
    {
        foreach (var part in new[] { "card-band", "card-note" })
        {
            var problems = await board.FindUnreadableTextAsync($".card[data-complaint-id=\"{complaintId}\"] .{part}");
            Assert.True(problems.Length == 0, $"Unreadable on the card's {part}:\n" + string.Join("\n", problems));
        }
    }
}
