using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Realtime.Server.Tests;

/// <summary>A clock on a working-time calendar, configured as an operator would, read back through the API.</summary>
public sealed class WorkingTimeClockTests : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    // Monday 2026-11-02 09:00 +08:00: the calendar's first working minute of the day.
    private readonly RealtimeApp _app = new(new()
    {
        ["Calendars:office:WorkingHours:0"] = "09:00-12:00",
        ["Calendars:office:WorkingHours:1"] = "13:30-18:00",
        ["Calendars:office:Holidays:0"] = "2026-10-01..2026-10-07",
        ["Calendars:office:WorkingWeekends:0"] = "2026-10-10",
        ["Sla:Clocks:resolution:Target"] = "08:00:00",
        ["Sla:Clocks:resolution:Calendar"] = "office",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Eight_working_hours_from_the_eve_of_golden_week_fall_due_the_day_after_it()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { Events.Opened("golden-week", new DateTimeOffset(2026, 9, 30, 17, 0, 0, Shanghai)) })).StatusCode);
        var resolution = await ResolutionClockAsync("golden-week");
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 17, 30, 0, Shanghai), resolution.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("office", resolution.GetProperty("calendar").GetString());
    }

    [Fact]
    public async Task At_lunch_the_clock_says_it_is_outside_working_hours_and_when_it_counts_again()
    {
        var opened = _app.Time.GetUtcNow();
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { Events.Opened("lunch", opened) })).StatusCode);
        _app.Time.Advance(TimeSpan.FromHours(3.5));

        var resolution = await ResolutionClockAsync("lunch");
        Assert.True(resolution.GetProperty("outsideWorkingHours").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 13, 30, 0, Shanghai), resolution.GetProperty("countingResumesAt").GetDateTimeOffset());
        Assert.Equal("PT3H", resolution.GetProperty("elapsed").GetString());
        Assert.Equal("PT5H", resolution.GetProperty("remaining").GetString());
    }

    [Fact]
    public async Task Inside_working_hours_the_clock_says_when_it_stops_counting_and_when_it_counts_again()
    {
        var opened = _app.Time.GetUtcNow();
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { Events.Opened("morning", opened) })).StatusCode);
        _app.Time.Advance(TimeSpan.FromHours(1));

        var resolution = await ResolutionClockAsync("morning");
        Assert.False(resolution.GetProperty("outsideWorkingHours").GetBoolean());
        Assert.Equal(JsonValueKind.Null, resolution.GetProperty("countingResumesAt").ValueKind);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 12, 0, 0, Shanghai), resolution.GetProperty("countingPausesAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 13, 30, 0, Shanghai), resolution.GetProperty("countingResumesAfterPauseAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 0, 0, Shanghai), resolution.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal("PT7H", resolution.GetProperty("remaining").GetString());
        // The 24×7 first-response clock names no pause.
        var complaint = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/complaints/morning");
        var first = complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "firstResponse");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("countingPausesAt").ValueKind);
    }

    [Fact]
    public void A_clock_naming_an_unknown_calendar_stops_the_server_at_start_naming_the_key()
    {
        using var app = new RealtimeApp(new() { ["Sla:Clocks:resolution:Calendar"] = "nowhere" });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Sla:Clocks:resolution:Calendar", error.ToString());
        Assert.Contains("nowhere", error.ToString());
    }

    private async Task<JsonElement> ResolutionClockAsync(string complaintId)
    {
        var complaint = await _app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/complaints/{complaintId}");
        return complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "resolution");
    }
}
