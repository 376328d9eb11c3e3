using System.Net;

namespace Realtime.Server.Tests;

/// <summary>Operators scrape <c>/metrics</c> (Prometheus) for Realtime's own figures beside ASP.NET Core's, the runtime's and Orleans'.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public Task InitializeAsync() => _app.WaitUntilReadyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_scrape_endpoint_shows_ingest_open_complaints_per_team_deadline_lateness_and_Orleans()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { Events.Opened("metrics-1", _app.Time.GetUtcNow(), team: "T-metrics") })).StatusCode);
        // The first-response deadline passes: its breach is pushed, and how late it was is measured.
        _app.Time.Advance(TimeSpan.FromMinutes(3));
        await Testing.Eventually.TrueAsync(async () => (await client.GetStringAsync("/metrics")).Contains("realtime_deadline_push_lateness_milliseconds_count"), "the breach's lateness to be measured");

        // Public on purpose, as /health is (docs/security.md): a scraper holds no token, and nothing in it is a customer's.
        var response = await _app.CreateAnonymousClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scrape = await response.Content.ReadAsStringAsync();
        Assert.Contains("realtime_ingest_events_total", scrape);
        Assert.Contains("realtime_ingest_commit_duration_milliseconds_bucket", scrape);
        Assert.Contains("realtime_deadline_fire_lateness_milliseconds_bucket", scrape);
        Assert.Matches("realtime_complaints_open\\{[^}]*team=\"T-metrics\"[^}]*\\} 1", scrape);
        Assert.Contains("http_server_request_duration_seconds", scrape);
        Assert.Contains("dotnet_gc_collections_total", scrape);
        Assert.Contains("orleans_", scrape);
        // No customer data: metrics carry teams and scopes, never names or phone numbers.
        Assert.DoesNotContain("13812341234", scrape);
        Assert.DoesNotContain("张三丰", scrape);
        Assert.DoesNotContain("metrics-1", scrape);
    }
}
