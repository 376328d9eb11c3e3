using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>Clocks that count working time only (issue 24), inside working hours: the countdown is the working time left.</summary>
[Collection(DashboardCollection.Name)]
public sealed class InsideWorkingHoursTests(HeadlessChromium chromium, WorkingNowServer server) : IClassFixture<WorkingNowServer>
{
    [Fact]
    public async Task Inside_working_hours_the_card_counts_down_the_working_time_left_not_the_wall_time_to_due()
    {
        var team = FloorEvents.UniqueId("T-shift");
        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={team}");
        var complaintId = FloorEvents.UniqueId("C-shift");
        // Answered at once, so the card's focus is the resolution clock: 8 working hours, due days later in wall time.
        await server.IngestAsync(FloorEvents.ComplaintOpened(complaintId, team), FloorEvents.ComplaintResponded(complaintId, "A-1001", DateTimeOffset.UtcNow));

        var card = board.Card(complaintId);
        await Expect(card.Locator(".card-clock")).ToHaveTextAsync("处理时效", new() { Timeout = 5_000 });
        var countdown = card.Locator(".card-countdown");
        // Nearly all 8 working hours are left (the wall time to due is more than two days: "2天 …").
        var eightHoursOrJustUnder = new Regex(@"^(8:00:00|7:5\d:\d{2})$");
        await Expect(countdown).ToHaveTextAsync(eightHoursOrJustUnder);
        await Expect(card.Locator(".band-label")).ToHaveTextAsync("正常");
        await Expect(card.Locator(".card-note")).ToHaveTextAsync("");

        // It counts: a second or two later the countdown reads less, and still working time.
        var shown = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(shown!, new() { Timeout = 3_000 });
        await Expect(countdown).ToHaveTextAsync(eightHoursOrJustUnder);
        await board.ScreenshotAsync("wallboard-inside-working-hours");
        board.AssertNoErrors();
    }
}
