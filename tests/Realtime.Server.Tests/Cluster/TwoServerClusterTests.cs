using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using Realtime.Testing;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Cluster;

/// <summary>
/// Two real server processes on one PostgreSQL form one Orleans cluster: ingest on either, boards on either see every
/// complaint, and when the server holding the complaints dies (SIGKILL) or stops (SIGTERM) the survivor breaches every
/// one of them once, at its true due time, and pushes it to its boards.
/// </summary>
public sealed class TwoServerClusterTests : IAsyncLifetime
{
    // Long enough for the kill and the detection (≈ 6 s with the shipped membership settings) to happen before it.
    private static readonly TimeSpan FirstResponseTarget = TimeSpan.FromSeconds(24);
    private const int Complaints = 40;
    private PostgresTestDatabase _database = null!;
    private ServerProcess _first = null!;
    private ServerProcess _second = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = _database.ConnectionString,
            ["Sla__Clocks__firstResponse__Target"] = FirstResponseTarget.ToString("c"),
            ["Orleans__Dashboard__Enabled"] = "false",
            // Servers of one cluster share their signing key, so a token from one is good on every other.
            ["Auth__SigningKey"] = TestTokens.NewKey(),
        };
        _first = new ServerProcess(environment);
        _second = new ServerProcess(environment);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Killing_the_server_that_holds_the_complaints_loses_nothing_and_the_survivor_breaches_each_once_on_time()
    {
        await StartClusterAsync();
        await using var boardOnFirst = await Board.ConnectAsync(_first);
        await using var boardOnSecond = await Board.ConnectAsync(_second);

        var openedAt = DateTimeOffset.UtcNow;
        var dueAt = openedAt + FirstResponseTarget;
        // Half the complaints enter through each server: any server accepts ingest.
        await PostAsync(_first, Enumerable.Range(0, Complaints / 2).Select(i => Opened($"K{i}", openedAt)).ToArray());
        await PostAsync(_second, Enumerable.Range(Complaints / 2, Complaints / 2).Select(i => Opened($"K{i}", openedAt)).ToArray());

        // Every board sees every complaint, wherever its grain lives.
        await boardOnFirst.WaitForAsync(b => b.Changed.Count >= Complaints, "the first server's board to see every complaint");
        await boardOnSecond.WaitForAsync(b => b.Changed.Count >= Complaints, "the second server's board to see every complaint");
        Assert.Equal(2, await ActiveSilosAsync());

        var (victim, survivor, survivorBoard) = await HolderOfMostDeadlinesAsync() == _first.SiloPort
            ? (_first, _second, boardOnSecond)
            : (_second, _first, boardOnFirst);
        await victim.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        Assert.True(killedAt < dueAt - TimeSpan.FromSeconds(15), $"the server was killed at {killedAt:O}, too close to the deadline {dueAt:O} for this test on this machine");

        // Every breach reaches the survivor's board, none late (detection took far less than the time left).
        await survivorBoard.WaitForAsync(b => b.Breached.Count >= Complaints, "every breach to reach the survivor's board", dueAt + TimeSpan.FromSeconds(30));
        foreach (var (complaint, breach) in survivorBoard.Breached)
        {
            Assert.Equal(dueAt.ToUnixTimeMilliseconds(), breach.GetProperty("breachedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
            Assert.False(breach.GetProperty("late").GetBoolean(), $"{complaint} breached late: {breach}\n{survivor.Tail(80)}");
        }
        Assert.True(survivorBoard.LastBreachAt - dueAt < TimeSpan.FromSeconds(2), $"the last breach arrived {survivorBoard.LastBreachAt - dueAt} after the due time");

        // Every acknowledged complaint is readable from the survivor and recorded its breach exactly once.
        for (var i = 0; i < Complaints; i++)
        {
            var complaint = await survivor.Http.GetFromJsonAsync<JsonElement>($"api/complaints/K{i}");
            var clock = complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "firstResponse");
            Assert.Equal("breached", clock.GetProperty("state").GetString());
        }
        await Eventually(async () => (await StoredBreachCountsAsync()).Count(c => c == 1) == Complaints, "every breach to be stored exactly once", survivor);
    }

    [Fact]
    public async Task Killing_the_ingest_writers_server_under_load_loses_no_acknowledged_event()
    {
        await StartClusterAsync();
        // The writer's grains settle where it lives: the holder of the first complaints' deadlines hosts it.
        var openedAt = DateTimeOffset.UtcNow;
        await PostAsync(_second, Enumerable.Range(0, 10).Select(i => Opened($"W{i}", openedAt)).ToArray());
        var (victim, survivor) = await HolderOfMostDeadlinesAsync(10) == _first.SiloPort ? (_first, _second) : (_second, _first);

        var acknowledged = new ConcurrentBag<string[]>();
        var unanswered = new ConcurrentBag<string[]>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(writer => Task.Run(async () =>
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var ids = Enumerable.Range(0, 50).Select(i => $"L-{writer}-{batch}-{i}").ToArray();
                try
                {
                    var response = await survivor.Http.PostAsJsonAsync("api/events", ids.Select(id => (object)Opened(id, DateTimeOffset.UtcNow)).ToArray());
                    (response.StatusCode == HttpStatusCode.Accepted ? acknowledged : unanswered).Add(ids);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    unanswered.Add(ids);
                }
            }
        })).ToArray();

        await Eventually(() => Task.FromResult(acknowledged.Count >= 10), "load to be acknowledged", survivor);
        await victim.KillAsync();
        var before = acknowledged.Count;
        // Load goes on through the failover until the survivor has taken the writer over and acknowledged more.
        await Eventually(() => Task.FromResult(acknowledged.Count >= before + 10), "load to be acknowledged after the failover", survivor);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        foreach (var ids in acknowledged)
        {
            var present = await Task.WhenAll(ids.Select(async id => (await survivor.Http.GetAsync($"api/complaints/{id}")).StatusCode == HttpStatusCode.OK));
            Assert.True(present.All(p => p), $"acknowledged but missing on the survivor: {string.Join(", ", ids.Where((_, i) => !present[i]))}\n{survivor.Tail(80)}");
        }
        foreach (var ids in unanswered)
        {
            var present = await Task.WhenAll(ids.Select(async id => (await survivor.Http.GetAsync($"api/complaints/{id}")).StatusCode == HttpStatusCode.OK));
            Assert.True(present.All(p => p) || present.All(p => !p), "a batch that was not acknowledged must be wholly applied or wholly absent");
        }
    }

    [Fact]
    public async Task A_server_stopped_gracefully_hands_its_deadlines_over_and_none_fires_late()
    {
        await StartClusterAsync();
        await using var boardOnFirst = await Board.ConnectAsync(_first);
        await using var boardOnSecond = await Board.ConnectAsync(_second);
        var openedAt = DateTimeOffset.UtcNow;
        var dueAt = openedAt + FirstResponseTarget;
        await PostAsync(_second, Enumerable.Range(0, Complaints).Select(i => Opened($"G{i}", openedAt)).ToArray());
        await boardOnFirst.WaitForAsync(b => b.Changed.Count >= Complaints, "the first server's board to see every complaint");

        var (leaving, staying, stayingBoard) = await HolderOfMostDeadlinesAsync() == _first.SiloPort
            ? (_first, _second, boardOnSecond)
            : (_second, _first, boardOnFirst);
        await leaving.StopAsync();
        Assert.True(DateTimeOffset.UtcNow < dueAt, "the server took until the deadline to stop");

        await stayingBoard.WaitForAsync(b => b.Breached.Count >= Complaints, "every breach to reach the remaining server's board", dueAt + TimeSpan.FromSeconds(30));
        foreach (var (complaint, breach) in stayingBoard.Breached)
        {
            Assert.Equal(dueAt.ToUnixTimeMilliseconds(), breach.GetProperty("breachedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
            Assert.False(breach.GetProperty("late").GetBoolean(), $"{complaint} breached late after a graceful stop: {breach}\n{staying.Tail(80)}");
        }
    }

    private async Task StartClusterAsync()
    {
        // One after the other: the first is the cluster's oldest silo and arms the stored deadlines; the second joins.
        await _first.StartAsync();
        await _second.StartAsync();
        await Eventually(async () => await ActiveSilosAsync() == 2, "both silos to be active in the membership table", _second);
    }

    private async Task<int> ActiveSilosAsync()
    {
        await using var dataSource = _database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleansmembershiptable WHERE status = 3");
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    /// <summary>The silo port of the server whose checkpoints hold most complaint deadlines (waiting until they are all stored).</summary>
    private async Task<int> HolderOfMostDeadlinesAsync(int complaints = Complaints)
    {
        var holders = new Dictionary<string, int>();
        await Eventually(async () =>
        {
            holders.Clear();
            await using var dataSource = _database.CreateDataSource();
            await using var command = dataSource.CreateCommand("SELECT holder, count(*) FROM deadlines WHERE grain_type = 'complaint' AND holder IS NOT NULL GROUP BY holder");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) holders[reader.GetString(0)] = (int)reader.GetInt64(1);
            return holders.Values.Sum() >= complaints;
        }, "every complaint's deadline to be checkpointed", _first);
        // Orleans names a silo "ip:port@generation".
        var holder = holders.MaxBy(h => h.Value).Key;
        return int.Parse(holder.Split('@')[0].Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<int>> StoredBreachCountsAsync()
    {
        var counts = new List<int>();
        await using var dataSource = _database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT convert_from(data, 'UTF8') FROM grain_state WHERE grain_type = 'complaint' AND data IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var state = JsonDocument.Parse(reader.GetString(0));
            counts.Add(state.RootElement.GetProperty("complaint").GetProperty("breaches").EnumerateArray().Count(b => b.GetProperty("clock").GetString() == "firstResponse"));
        }
        return counts;
    }

    private static async Task PostAsync(ServerProcess server, object[] events)
    {
        var response = await server.Http.PostAsJsonAsync("api/events", events);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    // The event id derives from the complaint: a retried batch is recognised as already stored.
    private static Dictionary<string, object?> Opened(string complaintId, DateTimeOffset at) => Events.Opened(complaintId, at, id: "open-" + complaintId);

    private static async Task Eventually(Func<Task<bool>> condition, string what, ServerProcess server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            if (!await poll.WaitForNextTickAsync(timeout.Token).AsTask().ContinueWith(t => t.Status == TaskStatus.RanToCompletion && t.Result))
                throw new TimeoutException($"Timed out waiting for {what}\n{server.Tail(80)}");
        }
    }

    /// <summary>A wall board's live connection to one server, following the whole floor.</summary>
    private sealed class Board : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly SemaphoreSlim _arrived = new(0);

        private Board(HubConnection connection)
        {
            _connection = connection;
            connection.On<JsonElement>("complaintChanged", view =>
            {
                Changed[view.GetProperty("id").GetString()!] = view;
                _arrived.Release();
            });
            connection.On<JsonElement>("slaBreached", breach =>
            {
                if (breach.GetProperty("clock").GetString() != "firstResponse") return;
                Breached[breach.GetProperty("complaintId").GetString()!] = breach;
                LastBreachAt = DateTimeOffset.UtcNow;
                _arrived.Release();
            });
        }

        public ConcurrentDictionary<string, JsonElement> Changed { get; } = new();

        public ConcurrentDictionary<string, JsonElement> Breached { get; } = new();

        public DateTimeOffset LastBreachAt { get; private set; }

        public static async Task<Board> ConnectAsync(ServerProcess server)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(server.BaseAddress, "hubs/live"), o =>
                {
                    (o.Transports, o.SkipNegotiation) = (HttpTransportType.WebSockets, true);
                    o.AccessTokenProvider = () => Task.FromResult(server.AccessToken);
                })
                .Build();
            var board = new Board(connection);
            await connection.StartAsync();
            await connection.InvokeAsync("Subscribe", "floor");
            return board;
        }

        public async Task WaitForAsync(Func<Board, bool> condition, string what, DateTimeOffset? until = null)
        {
            var deadline = until ?? DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
            while (!condition(this))
            {
                var left = deadline - DateTimeOffset.UtcNow;
                if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                {
                    if (condition(this)) return;
                    throw new TimeoutException($"Timed out waiting for {what}: {Changed.Count} complaints, {Breached.Count} breaches seen");
                }
            }
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
