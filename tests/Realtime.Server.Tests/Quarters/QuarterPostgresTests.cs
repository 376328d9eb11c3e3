using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
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

    [Fact]
    public async Task Verify_uses_the_clock_targets_stamped_at_the_close_not_the_ones_configured_later()
    {
        string hash;
        await using (var first = NewApp())
        {
            await first.WaitUntilReadyAsync();
            var client = first.CreateClient();
            // Resolved a day after opening: within 48 h under the default resolution target.
            var events = QuarterEvents.Q3();
            events.Add(Events.Complaint("complaint.resolved", "C-Q3-1", QuarterEvents.At(8, 5), "A2"));
            Assert.Equal(HttpStatusCode.Accepted, (await first.PostEventsAsync(events, client)).StatusCode);
            var closed = await (await client.PostAsync("/api/quarters/2026Q3/close", null)).Content.ReadFromJsonAsync<JsonElement>();
            hash = closed.GetProperty("hash").GetString()!;
            var clocks = closed.GetProperty("snapshot").GetProperty("config").GetProperty("slaClocks").EnumerateArray().ToList();
            Assert.Equal("2.00:00:00", clocks.Single(c => c.GetProperty("name").GetString() == "resolution").GetProperty("target").GetString());
        }

        // Today's policy would not count that resolution within 48 h; the stamped one does.
        await using var second = new RealtimeApp(new()
        {
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Sla:Clocks:resolution:Target"] = "01:00:00",
        });
        await second.WaitUntilReadyAsync();
        var verify = await second.CreateClient().GetFromJsonAsync<JsonElement>("/api/quarters/2026Q3/verify");
        Assert.True(verify.GetProperty("matches").GetBoolean(), verify.GetRawText());
        Assert.Equal(hash, verify.GetProperty("recomputedHash").GetString());
    }

    [Fact]
    public async Task Verify_recomputes_team_kpis_from_the_journal_and_detects_a_forged_one()
    {
        string hash;
        await using (var app = NewApp())
        {
            await app.WaitUntilReadyAsync();
            var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventsAsync(QuarterEvents.Q3(), client)).StatusCode);
            var closed = await (await client.PostAsync("/api/quarters/2026Q3/close", null)).Content.ReadFromJsonAsync<JsonElement>();
            hash = closed.GetProperty("hash").GetString()!;
            var t1 = closed.GetProperty("snapshot").GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("teamId").GetString() == "T1").GetProperty("kpis");
            // T1 as the journal has it: A1's 4 services (3 at first contact), the complaint opened in T1 and its first response after 90 s.
            Assert.Equal(4, t1.GetProperty("servicesHandled").GetInt32());
            Assert.Equal(1, t1.GetProperty("complaintsOpened").GetInt32());
            Assert.Equal(75, t1.GetProperty("firstContactResolutionRate").GetProperty("value").GetDouble());
            Assert.Equal(90, t1.GetProperty("averageFirstResponseSeconds").GetProperty("value").GetDouble());
            Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/quarters/2026Q3/verify")).GetProperty("matches").GetBoolean());
        }

        // A forger with database access rewrites T1's services and the hash with it, so the row is consistent in itself;
        // the append-only trigger has to be switched off to do it.
        await using (var db = _database.CreateDataSource())
        {
            var content = Encoding.UTF8.GetString((byte[])(await db.CreateCommand("SELECT content FROM quarter_snapshots WHERE quarter = '2026Q3'").ExecuteScalarAsync())!);
            var teams = content.IndexOf("\"teams\":", StringComparison.Ordinal);
            var at = content.IndexOf("\"servicesHandled\":4,", teams, StringComparison.Ordinal);
            Assert.True(teams >= 0 && at > teams && at < content.IndexOf("\"department\":", StringComparison.Ordinal), content);
            var forged = Encoding.UTF8.GetBytes(content[..at] + "\"servicesHandled\":40," + content[(at + "\"servicesHandled\":4,".Length)..]);
            await using var update = db.CreateBatch();
            update.BatchCommands.Add(new NpgsqlBatchCommand("ALTER TABLE quarter_snapshots DISABLE TRIGGER quarter_snapshots_append_only"));
            var set = new NpgsqlBatchCommand("UPDATE quarter_snapshots SET content = $1, hash = $2 WHERE quarter = '2026Q3'");
            set.Parameters.Add(new NpgsqlParameter { Value = forged });
            set.Parameters.Add(new NpgsqlParameter { Value = Convert.ToHexStringLower(SHA256.HashData(forged)) });
            update.BatchCommands.Add(set);
            update.BatchCommands.Add(new NpgsqlBatchCommand("ALTER TABLE quarter_snapshots ENABLE TRIGGER quarter_snapshots_append_only"));
            await update.ExecuteNonQueryAsync();
        }

        // The server started after the forgery serves the forged row; verify replays the journal and does not agree.
        await using var second = NewApp();
        await second.WaitUntilReadyAsync();
        var verify = await second.CreateClient().GetFromJsonAsync<JsonElement>("/api/quarters/2026Q3/verify");
        Assert.True(verify.GetProperty("verifiable").GetBoolean());
        Assert.False(verify.GetProperty("matches").GetBoolean(), verify.GetRawText());
        Assert.Equal(hash, verify.GetProperty("recomputedHash").GetString());
    }
}
