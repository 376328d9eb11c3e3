using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Realtime.Testing;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Durability;

/// <summary>
/// The real server process on a real PostgreSQL, killed with SIGKILL in the middle of a load and started again:
/// nothing acknowledged is lost, no batch is half applied, and a deadline that passed while it was down fires once,
/// late, with its true due time — also after a second restart.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private static readonly TimeSpan FirstResponseTarget = TimeSpan.FromSeconds(6);
    private PostgresTestDatabase _database = null!;
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _server = new ServerProcess(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = _database.ConnectionString,
            ["Sla__Clocks__firstResponse__Target"] = FirstResponseTarget.ToString("c"),
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    private enum Outcome { Acknowledged, Unanswered }

    [Fact]
    public async Task Kill_9_mid_load_loses_nothing_acknowledged_and_a_deadline_passed_in_downtime_breaches_once_late()
    {
        await _server.StartAsync();
        var openedAt = DateTimeOffset.UtcNow;
        var dueAt = openedAt + FirstResponseTarget;
        await PostAsync([Opened("deadline", openedAt)]);

        var outcomes = new Dictionary<int, (Outcome Outcome, string[] Complaints)>();
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(writer => Task.Run(async () =>
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var ids = Enumerable.Range(0, 50).Select(i => $"L-{writer}-{batch}-{i}").ToArray();
                // Each batch also praises the agent once: agent grains stage late (deferred), so this checks their replay too.
                var praise = new Dictionary<string, object?> { ["id"] = $"praise-{writer}-{batch}", ["type"] = "praise.received", ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"), ["agentId"] = "A-praised" };
                Outcome outcome;
                try
                {
                    var response = await _server.Http.PostAsJsonAsync("api/events", ids.Select(id => (object)Opened(id, DateTimeOffset.UtcNow)).Append(praise).ToArray());
                    Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                    outcome = Outcome.Acknowledged;
                    Interlocked.Increment(ref acknowledged);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    outcome = Outcome.Unanswered;
                }
                lock (outcomes) outcomes[writer * 1_000_000 + batch] = (outcome, ids);
                if (outcome == Outcome.Unanswered) return;
            }
        })).ToArray();

        // Kill mid-load, well before the deadline: after 10 acknowledged batches or 3 s, whichever comes first.
        var loadStarted = DateTimeOffset.UtcNow;
        await WaitUntilAsync(() => Volatile.Read(ref acknowledged) >= 10 || (acknowledged > 0 && DateTimeOffset.UtcNow - loadStarted > TimeSpan.FromSeconds(3)), "acknowledged batches");
        await _server.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        await Task.WhenAll(writers);
        Assert.True(killedAt < dueAt, $"the server was killed only at {killedAt:O}, after the deadline {dueAt:O}: the machine is too slow for this test's 6 s window");

        // Stay down until the deadline has passed by more than the 2 s late tolerance, so its detection counts as late.
        await WaitUntilAsync(() => DateTimeOffset.UtcNow > dueAt.AddSeconds(3), "the deadline to pass during downtime");
        await _server.StartAsync();

        foreach (var (outcome, ids) in outcomes.Values)
        {
            var present = await Task.WhenAll(ids.Select(ExistsAsync));
            var missing = ids.Where((id, i) => !present[i]).ToList();
            if (outcome == Outcome.Acknowledged)
                Assert.True(missing.Count == 0, $"acknowledged but missing after restart: {string.Join(", ", missing)}\n{_server.Log}");
            else Assert.True(present.All(p => p) || present.All(p => !p), "an unanswered batch must be wholly applied or wholly absent");
        }

        var praises = await PraiseCountAsync();
        var acknowledgedBatches = outcomes.Values.Count(o => o.Outcome == Outcome.Acknowledged);
        Assert.InRange(praises, acknowledgedBatches, outcomes.Count);

        var breach = await WaitForBreachRecordAsync();
        Assert.Equal(dueAt.ToUnixTimeMilliseconds(), breach.GetProperty("breachedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.True(breach.GetProperty("late").GetBoolean());
        var complaint = await _server.Http.GetFromJsonAsync<JsonElement>("api/complaints/deadline");
        var clock = complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "firstResponse");
        Assert.Equal("breached", clock.GetProperty("state").GetString());

        // A second restart changes nothing: still one breach, detected when it first was.
        await _server.KillAsync();
        await _server.StartAsync();
        await _server.Http.GetAsync("api/complaints/deadline");
        var again = await WaitForBreachRecordAsync();
        Assert.Equal(breach.GetProperty("detectedAt").GetDateTimeOffset(), again.GetProperty("detectedAt").GetDateTimeOffset());
    }

    private async Task<double> PraiseCountAsync()
    {
        var scorecard = await _server.Http.GetFromJsonAsync<JsonElement>("api/agents/A-praised/scorecard?window=qtd");
        return scorecard.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "praise_count").GetProperty("value").GetDouble();
    }

    private async Task<JsonElement> WaitForBreachRecordAsync()
    {
        JsonElement[] breaches = [];
        await WaitUntilAsync(async () =>
        {
            breaches = await StoredBreachesAsync("deadline");
            return breaches.Length > 0;
        }, "the breach to be recorded after restart");
        Assert.Single(breaches);
        return breaches[0];
    }

    private async Task<JsonElement[]> StoredBreachesAsync(string complaintId)
    {
        await using var dataSource = _database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT convert_from(data, 'UTF8') FROM grain_state WHERE grain_type = 'complaint' AND grain_key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = complaintId });
        if (await command.ExecuteScalarAsync() is not string json) return [];
        return JsonDocument.Parse(json).RootElement.GetProperty("complaint").GetProperty("breaches").EnumerateArray()
            .Where(b => b.GetProperty("clock").GetString() == "firstResponse").ToArray();
    }

    private async Task<bool> ExistsAsync(string complaintId) =>
        (await _server.Http.GetAsync($"api/complaints/{complaintId}")).StatusCode == HttpStatusCode.OK;

    private async Task PostAsync(object[] events)
    {
        var response = await _server.Http.PostAsJsonAsync("api/events", events);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static Dictionary<string, object?> Opened(string complaintId, DateTimeOffset at) => new()
    {
        ["id"] = "open-" + complaintId,
        ["type"] = "complaint.opened",
        ["occurredAt"] = at.ToString("O"),
        ["complaintId"] = complaintId,
        ["teamId"] = "T1",
        ["agentId"] = "A1",
    };

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            if (!await poll.WaitForNextTickAsync(timeout.Token).AsTask().ContinueWith(t => t.Status == TaskStatus.RanToCompletion && t.Result))
                throw new TimeoutException("Timed out waiting for " + what);
        }
    }
}
