using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Testing;

namespace Realtime.Server.Tests.Quarters;

/// <summary>Quarter close on a real PostgreSQL: computed from the journal, stored append-only, verifiable after a restart.</summary>
public sealed class QuarterPostgresTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private RealtimeApp NewApp() => new(new() { ["ConnectionStrings:Postgres"] = _database.ConnectionString });

    [Fact]
    public async Task A_snapshot_closed_before_a_restart_verifies_after_it_and_late_events_change_nothing()
    {
        string hash, body;
        await using (var first = NewApp())
        {
            await first.WaitUntilReadyAsync();
            var client = first.CreateClient();
            Assert.Equal(HttpStatusCode.Accepted, (await first.PostEventsAsync(QuarterEvents.Q3(), client)).StatusCode);
            var response = await client.PostAsync("/api/quarters/2026Q3/close", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            body = await response.Content.ReadAsStringAsync();
            var answer = JsonDocument.Parse(body).RootElement;
            hash = answer.GetProperty("hash").GetString()!;
            var a1 = answer.GetProperty("snapshot").GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetString() == "A1");
            Assert.Equal(80.4615, a1.GetProperty("finalScore").GetDouble());
        }

        await using var second = NewApp();
        await second.WaitUntilReadyAsync();
        var again = second.CreateClient();
        var verify = await again.GetFromJsonAsync<JsonElement>("/api/quarters/2026Q3/verify");
        Assert.True(verify.GetProperty("verifiable").GetBoolean());
        Assert.True(verify.GetProperty("matches").GetBoolean(), verify.GetRawText());
        Assert.Equal(hash, verify.GetProperty("recomputedHash").GetString());

        await second.PostEventsAsync(new[] { ScorecardEvents.Praise("A2", QuarterEvents.At(9, 20)) }, again);
        var closeAgain = await again.PostAsync("/api/quarters/2026Q3/close", null);
        var after = await closeAgain.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(hash, after.GetProperty("hash").GetString());
        Assert.Equal(1, after.GetProperty("lateEvents").GetInt32());
        Assert.Equal(JsonDocument.Parse(body).RootElement.GetProperty("snapshot").GetRawText(), after.GetProperty("snapshot").GetRawText());
        Assert.True((await again.GetFromJsonAsync<JsonElement>("/api/quarters/2026Q3/verify")).GetProperty("matches").GetBoolean());
    }
}
