using System.Diagnostics;
using System.Text.Json;

namespace Realtime.LoadTest;

/// <summary>
/// Recovery on PostgreSQL: N complaints are opened with first-response deadlines a few seconds after loading ends; the
/// server is killed with SIGKILL before they are due, and started again after they are all overdue. The scenario then
/// polls what the server has recorded (<c>GET /api/teams</c>: a complaint counts as breached once its grain fired the
/// breach) until every overdue deadline has fired. A floor subscriber also counts the late breaches it is pushed: the
/// burst is larger than <c>Live:BacklogPerScope</c>, so a live board is told to reload part-way, as the contract says,
/// and pushes alone cannot tell when the last one fired.
/// </summary>
public static class RecoveryScenario
{
    private const string Prefix = "RC-";
    private static readonly TimeSpan Target = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long the loaded server is left alone before its memory is read: the collection age (5 s) and quantum (2 s) to
    /// leave memory, their last checkpoint, then the server's quiet period (<c>Memory:IdleAfter</c>, 5 s) after which it
    /// gives back what the burst left committed.
    /// </summary>
    public static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(15);

    /// <summary>Runs the scenario on the database <paramref name="connectionString"/>.</summary>
    public static async Task<RecoveryFigure> RunAsync(string serverAssembly, string connectionString, LoadProfile profile, double estimatedOpensPerSecond)
    {
        var n = profile.OpenComplaints;
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Sla__Clocks__firstResponse__Target"] = Target.ToString(@"hh\:mm\:ss"),
            // Idle complaints leave memory after 5 s here (the server's default is 2 minutes, too long for a quick run):
            // the server killed holds open idle complaints, as a floor does, and its memory is read so.
            ["Actors__ClassSpecificCollectionAge__complaint"] = "00:00:05",
            ["Actors__CollectionQuantum"] = "00:00:02",
        };
        var server = HarnessServer.Create(serverAssembly, environment);
        await server.StartAsync();
        await FloorEvents.PostAsync(server.Http, FloorEvents.OpenedBody("WU-", 0, 1000, _ => DateTimeOffset.UtcNow));
        await InducedGc.CollectAsync(server.Pid);
        await Task.Delay(500);
        var rssBefore = server.ResidentBytes();

        // The rate observed while opening N complaints in the alert scenario already includes the slow-down as the floor fills.
        // Then the idle wait and the memory reading before the kill.
        var lead = TimeSpan.FromSeconds(Math.Ceiling(n / estimatedOpensPerSecond * 1.2) + 8) + IdleWait + TimeSpan.FromSeconds(3);
        var dueFrom = DateTimeOffset.UtcNow + lead;
        DateTimeOffset DueAt(long i) => dueFrom + TimeSpan.FromSeconds(i / (double)n);
        var load = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) * 1000 < n)
            {
                var first = b * 1000L;
                await FloorEvents.PostAsync(server.Http, FloorEvents.OpenedBody(Prefix, first, (int)Math.Min(1000, n - first), i => DueAt(i) - Target));
            }
        })));
        var loadSeconds = load.Elapsed.TotalSeconds;
        // Their first-response warnings passed before they were opened (sent at once, the highest only), so until their
        // deadlines they are idle: memory is read once they have left memory and the server has been quiet.
        await Task.Delay(IdleWait);
        await InducedGc.CollectAsync(server.Pid);
        await Task.Delay(500);
        var perComplaint = Math.Round((server.ResidentBytes() - rssBefore) / (double)n);
        Console.WriteLine($"  recovery: memory after {IdleWait.TotalSeconds:F0} s idle: {server.Trims()}");
        if (DateTimeOffset.UtcNow >= dueFrom) Console.WriteLine("  recovery: WARNING loading overran the lead time; some deadlines fired before the kill");
        await server.KillAsync();
        Console.WriteLine($"  recovery: {n:N0} opened in {loadSeconds:F1} s, {perComplaint:N0} B each on PostgreSQL; killed (SIGKILL); waiting until all are overdue");
        var overdueAt = DueAt(n - 1) + TimeSpan.FromSeconds(1);
        if (overdueAt > DateTimeOffset.UtcNow) await Task.Delay(overdueAt - DateTimeOffset.UtcNow);

        var pushed = new bool[n];
        long byPush = 0;
        var restart = Stopwatch.StartNew();
        server.Start();
        await using var floor = await FloorSubscriber.ConnectWhenListeningAsync(server.BaseAddress, server.AccessToken, TimeSpan.FromMinutes(2));
        floor.OnBreach = (payload, _) =>
        {
            var number = FloorEvents.NumberOf(payload.GetProperty("complaintId").GetString()!, Prefix);
            if (number < 0 || number >= n || payload.GetProperty("clock").GetString() != "firstResponse" || pushed[number]) return;
            pushed[number] = true;
            Interlocked.Increment(ref byPush);
        };
        var subscribedAt = restart.Elapsed.TotalSeconds;
        await server.WaitUntilHealthyAsync(TimeSpan.FromMinutes(5));
        var ready = restart.Elapsed.TotalSeconds;
        Console.WriteLine($"  recovery: subscriber connected at {subscribedAt:F2} s, /health 200 at {ready:F2} s");
        var limit = TimeSpan.FromSeconds(Math.Max(120, n / 500.0));
        var giveUpAt = restart.Elapsed + limit;
        long recorded = 0;
        double lastFired = 0;
        while (restart.Elapsed < giveUpAt)
        {
            var count = await BreachedComplaintsAsync(server.Http);
            if (count > recorded) (recorded, lastFired) = (count, restart.Elapsed.TotalSeconds);
            if (recorded >= n) break;
            await Task.Delay(100);
        }

        var notFired = Math.Max(0, n - recorded);
        var firedSeconds = notFired == 0 ? lastFired : double.NaN;
        if (subscribedAt > ready) Console.WriteLine("  recovery: WARNING the subscriber connected after /health 200; early breaches may have been missed");
        // Pushes still on their way when the last breach was recorded are given a moment to arrive before counting them.
        await Task.Delay(1000);
        var (resyncs, _) = floor.FellBehind;
        if (notFired > 0)
        {
            // What the restarted server said is the first thing to read when deadlines went missing.
            var logPath = Path.GetFullPath("recovery-server.log");
            await File.WriteAllTextAsync(logPath, server.Log);
            Console.WriteLine($"  recovery: {notFired:N0} deadlines not fired; the restarted server's log is in {logPath}");
        }
        // The subscriber leaves first, so the kill below is not reported as a failed connection.
        await floor.DisposeAsync();
        await server.DisposeAsync();
        var figure = new RecoveryFigure(n, Math.Round(loadSeconds, 2), Math.Round(ready, 2), Math.Round(firedSeconds, 2), recorded, Math.Round(lastFired, 2), notFired,
            Math.Round(limit.TotalSeconds), Interlocked.Read(ref byPush), resyncs, perComplaint, Machine.LoadAverage());
        Console.WriteLine($"  recovery: ready {ready:F2} s, every overdue deadline fired by {firedSeconds:F2} s ({recorded:N0} recorded, the last at {lastFired:F2} s; " +
            $"{notFired:N0} not fired within {limit.TotalSeconds:F0} s; {figure.PushedToFloor:N0} pushed to the floor, {resyncs} resync; load {figure.LoadAverage})");
        return figure;
    }

    /// <summary>Complaints the server counts as breached, over all teams (<c>GET /api/teams</c>).</summary>
    private static async Task<long> BreachedComplaintsAsync(HttpClient http)
    {
        using var teams = JsonDocument.Parse(await http.GetStringAsync("api/teams"));
        return teams.RootElement.GetProperty("items").EnumerateArray().Sum(t => (long)t.GetProperty("breachedComplaints").GetInt32());
    }
}
