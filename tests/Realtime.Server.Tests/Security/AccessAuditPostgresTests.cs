using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Realtime.Testing;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Security;

/// <summary>The access audit on PostgreSQL: kept across restarts, and append-only in the database itself.</summary>
public sealed class AccessAuditPostgresTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_unmasked_read_is_in_the_audit_after_a_restart_and_no_entry_can_be_changed()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = _database.ConnectionString };
        await using (var first = new RealtimeApp(settings))
        {
            await first.WaitUntilReadyAsync();
            Assert.Equal(HttpStatusCode.Accepted, (await first.PostEventsAsync(new[] { Events.Opened("pg-pii", first.Time.GetUtcNow()) })).StatusCode);
            var manager = first.CreateClient(TestTokens.Create(first.SigningKey, "wang.manager", ["manager"]));
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/complaints/pg-pii?unmasked=true&reason=audit%20check")).StatusCode);
        }

        await using var second = new RealtimeApp(settings);
        await second.WaitUntilReadyAsync();
        var auditor = second.CreateClient(TestTokens.Create(second.SigningKey, "zhao.auditor", ["auditor"]));
        var entries = (await auditor.GetFromJsonAsync<JsonElement>("/api/audit?user=wang.manager")).GetProperty("entries");
        var entry = Assert.Single(entries.EnumerateArray());
        Assert.Equal("audit check", entry.GetProperty("reason").GetString());

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE access_audit SET reason = 'nothing to see'", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }
}
