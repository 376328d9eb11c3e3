using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Testing;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Durability;

/// <summary>The server in-process on a real PostgreSQL: concurrency, idempotency across restarts, and an unreachable database.</summary>
public sealed class PostgresServerTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    // 200 requests at once from one client: above the default ingest rate limit's burst, which is not what these tests are about.
    private RealtimeApp NewApp() => new(new() { ["ConnectionStrings:Postgres"] = _database.ConnectionString, ["Ingest:RateLimit:Burst"] = "10000", ["Ingest:RateLimit:RequestsPerSecond"] = "10000" });

    [Fact]
    public async Task Many_parallel_requests_on_one_complaint_never_lose_an_update()
    {
        await using var app = NewApp();
        await app.WaitUntilReadyAsync();
        var opened = app.Time.GetUtcNow().AddHours(-10);
        await app.PostEventsAsync(new[] { Events.Opened("busy", opened) });
        // 100 pause/resume pairs, one minute each, sent in parallel in scrambled order: all of them shape the elapsed time.
        var pairs = Enumerable.Range(0, 100).Select(i => new[]
        {
            Events.Complaint("complaint.paused", "busy", opened.AddMinutes(2 * i + 1)),
            Events.Complaint("complaint.resumed", "busy", opened.AddMinutes(2 * i + 2)),
        }).ToList();
        var client = app.CreateClient();
        var responses = await Task.WhenAll(pairs.OrderBy(_ => Random.Shared.Next()).SelectMany(p => p).Select(e => app.PostEventsAsync(new[] { e }, client)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));

        var complaint = await client.GetFromJsonAsync<JsonElement>("/api/complaints/busy");
        var resolution = complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "resolution");
        Assert.Equal("PT8H20M", resolution.GetProperty("elapsed").GetString());
    }

    [Fact]
    public async Task An_id_seen_before_a_restart_is_still_a_duplicate_after_it()
    {
        // The apps' fake clock starts at 2026-11-02 09:00 +08:00; ingest refuses instants more than 5 minutes ahead of it.
        var opened = Events.Opened("restart-dup", new FakeTimeProvider().GetUtcNow().AddHours(-1));
        await using (var first = NewApp())
        {
            await first.WaitUntilReadyAsync();
            var answer = await (await first.PostEventsAsync(new[] { opened })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        }
        await using var second = NewApp();
        await second.WaitUntilReadyAsync();
        var again = await (await second.PostEventsAsync(new[] { opened })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        Assert.Equal(1, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync("/api/complaints/restart-dup")).StatusCode);
    }

    [Fact]
    public async Task A_team_counts_the_same_open_paused_and_breached_complaints_after_a_restart()
    {
        static async Task<(int Open, int Paused, int Breached, int Listed)> CountsAsync(RealtimeApp app)
        {
            var board = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/teams/T-restart/board");
            var kpis = board.GetProperty("kpis");
            return (kpis.GetProperty("openComplaints").GetInt32(), kpis.GetProperty("pausedComplaints").GetInt32(),
                kpis.GetProperty("breachedComplaints").GetInt32(), board.GetProperty("complaints").GetProperty("total").GetInt32());
        }

        (int, int, int, int) before;
        await using (var first = NewApp())
        {
            await first.WaitUntilReadyAsync();
            var now = first.Time.GetUtcNow();
            await first.PostEventsAsync(new[]
            {
                Events.Opened("R1", now.AddHours(-1), team: "T-restart"), Events.Opened("R2", now, team: "T-restart"),
                Events.Opened("R3", now, team: "T-restart"), Events.Opened("R4", now, team: "T-restart"),
            });
            await first.PostEventsAsync(new[] { Events.Complaint("complaint.paused", "R2", now), Events.Complaint("complaint.resolved", "R4", now) });
            before = await CountsAsync(first);
            Assert.Equal((3, 1, 1, 3), before);
        }
        await using var second = NewApp();
        await second.WaitUntilReadyAsync();
        Assert.Equal(before, await CountsAsync(second));
    }

    [Fact]
    public async Task An_unreachable_database_gives_503_on_health_and_ingest_and_acknowledges_nothing()
    {
        // A real process: its silo waits for the database before joining, while the web server already answers.
        await using var server = new ServerProcess(new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=secret-pw;Database=none;Timeout=1" });
        await server.StartListeningAsync();
        var health = await server.Http.GetAsync("health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var body = await health.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret-pw", body);
        var ingest = await server.Http.PostAsJsonAsync("api/events", new[] { Events.Opened("never", DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ingest.StatusCode);
        Assert.DoesNotContain("secret-pw", server.Log);
    }

    [Fact]
    public async Task The_silo_creates_its_orleans_tables_and_is_listed_active_in_the_membership_table()
    {
        await using var app = NewApp();
        await app.WaitUntilReadyAsync();
        await using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using (var tables = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('orleansquery', 'orleansmembershiptable', 'orleansmembershipversiontable', 'orleansstorage', 'orleansreminderstable')", connection))
            Assert.Equal(5L, await tables.ExecuteScalarAsync());
        // Orleans' SiloStatus.Active is 3; the silo writes its row as it joins, before the host reports started.
        await using var members = new Npgsql.NpgsqlCommand("SELECT deploymentid, status FROM orleansmembershiptable", connection);
        await using var reader = await members.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no silo in the membership table");
        Assert.Equal("realtime", reader.GetString(0));
        Assert.Equal(3, reader.GetInt32(1));
        Assert.False(await reader.ReadAsync(), "more than one silo in the membership table");
    }

    [Fact]
    public async Task The_floor_keeps_its_teams_in_orleans_storage_and_an_upgraded_floor_keeps_the_teams_it_had_checkpointed()
    {
        // Started once so that the migrator creates the tables; then the floor as an earlier version checkpointed it.
        await using (var first = NewApp()) await first.WaitUntilReadyAsync();
        await using (var data = Npgsql.NpgsqlDataSource.Create(_database.ConnectionString))
            await new Storage.Postgres.PostgresGrainStorage(data).WriteAsync(new Grains.GrainKey("floor", "floor"), """{"teams":["T-before"]}"""u8.ToArray(), null);

        await using var app = NewApp();
        await app.WaitUntilReadyAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventsAsync(new[] { Events.Opened("joins", app.Time.GetUtcNow(), team: "T-new") })).StatusCode);

        var teams = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/teams");
        Assert.Equal(["T-before", "T-new"], teams.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("teamId").GetString()).Order(StringComparer.Ordinal));
        // Written by Orleans' ADO.NET provider, as JSON, in the turn that registered the team.
        await using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var stored = new Npgsql.NpgsqlCommand("SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE graintypestring LIKE '%floor%'", connection);
        var json = (string?)await stored.ExecuteScalarAsync();
        Assert.NotNull(json);
        Assert.Contains("T-before", json);
        Assert.Contains("T-new", json);
    }

    [Fact]
    public async Task A_database_lost_while_running_turns_health_503_and_refuses_ingest_until_it_is_back()
    {
        await using var app = NewApp();
        await app.WaitUntilReadyAsync();
        var client = app.CreateClient();

        await _database.SetAcceptingConnectionsAsync(false);
        var refused = await app.PostEventsAsync(new[] { Events.Opened("during-outage", app.Time.GetUtcNow()) }, client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        await HealthBecomesAsync(app, client, HttpStatusCode.ServiceUnavailable);

        await _database.SetAcceptingConnectionsAsync(true);
        await HealthBecomesAsync(app, client, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/complaints/during-outage")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventsAsync(new[] { Events.Opened("after-outage", app.Time.GetUtcNow()) }, client)).StatusCode);
    }

    /// <summary>
    /// Waits (up to 30 s: the reachability monitor checks every 2 s, real time) until the server's readiness is what
    /// <paramref name="status"/> means, then checks that <c>/health</c> says so.
    /// </summary>
    private static async Task HealthBecomesAsync(RealtimeApp app, HttpClient client, HttpStatusCode status)
    {
        var readiness = app.Services.GetRequiredService<Hosting.StorageReadiness>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await readiness.WaitUntilAsync(status == HttpStatusCode.OK, timeout.Token);
        Assert.Equal(status, (await client.GetAsync("/health")).StatusCode);
    }
}
