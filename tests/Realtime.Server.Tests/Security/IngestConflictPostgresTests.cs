using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Testing;

namespace Realtime.Server.Tests.Security;

/// <summary>Conflicting ids on PostgreSQL: the journaled event is read back and compared, across requests and restarts.</summary>
public sealed class IngestConflictPostgresTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_reused_id_is_a_conflict_even_after_a_restart_and_a_redelivery_is_not()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = _database.ConnectionString };
        DateTimeOffset now;
        Dictionary<string, object?> original;
        await using (var first = new RealtimeApp(settings))
        {
            await first.WaitUntilReadyAsync();
            now = first.Time.GetUtcNow();
            original = Events.Opened("pc-1", now, id: "pg-conflict-1");
            Assert.Equal(HttpStatusCode.Accepted, (await first.PostEventsAsync(new[] { original })).StatusCode);
        }

        await using var second = new RealtimeApp(settings);
        await second.WaitUntilReadyAsync();
        var changed = Events.Opened("pc-1", now, team: "T7", id: "pg-conflict-1");
        var answer = await (await second.PostEventsAsync(new[] { original, changed })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(2, answer.GetProperty("duplicates").GetInt32());
        var conflict = Assert.Single(answer.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(1, conflict.GetProperty("index").GetInt32());

        var again = await (await second.PostEventsAsync(new[] { original })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("conflicts").GetArrayLength());
    }
}
