using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using Realtime.Testing.Server;

namespace Realtime.LoadTest;

/// <summary>
/// Correctness and overhead of a two-server cluster on one machine (2 cores: never a speed-up): ingest across servers
/// against one server, alert latency at a board on each server, and the time from a SIGKILL to every deadline of the
/// dead server's complaints breached on the survivor.
/// </summary>
public static class ClusterScenario
{
    private const int Clients = 4;
    private const int Batch = 1_000;

    /// <summary>Runs it; <paramref name="createDatabase"/> gives a fresh database per phase.</summary>
    public static async Task<ClusterFigure> RunAsync(string assembly, LoadProfile profile, Func<Task<string>> createDatabase)
    {
        var ingestEvents = Math.Min(profile.OpenComplaints, 50_000);
        // The servers of a cluster share a signing key.
        var key = TestTokens.NewKey();
        var longTarget = new Dictionary<string, string?> { ["Sla__Clocks__firstResponse__Target"] = "01:00:00", ["Orleans__Dashboard__Enabled"] = "false", ["Auth__SigningKey"] = key };

        // Ingest: one server, then two (posting to the one without the writer).
        double one, two;
        await using (var alone = HarnessServer.Create(assembly, With(longTarget, await createDatabase())))
        {
            await alone.StartAsync();
            one = await IngestAsync(alone, "C1-", ingestEvents);
        }
        var database = await createDatabase();
        {
            await using var first = HarnessServer.Create(assembly, With(longTarget, database));
            await using var second = HarnessServer.Create(assembly, With(longTarget, database));
            await first.StartAsync();
            await second.StartAsync();
            await IngestAsync(first, "W-", Batch); // the writer and its grains settle on the first
            two = await IngestAsync(second, "C2-", ingestEvents);
        }
        Console.WriteLine($"  ingest: one server {one:N0} events/s, two servers (through the other) {two:N0} events/s");

        // Alerts at a board on each server, then a kill.
        var n = Math.Min(profile.OpenComplaints, 20_000);
        var window = TimeSpan.FromSeconds(20);
        var lead = TimeSpan.FromSeconds(Math.Ceiling(n / Math.Max(1_000, two) * 2) + 15);
        var target = lead + window + TimeSpan.FromSeconds(10);
        var alertEnvironment = new Dictionary<string, string?> { ["Sla__Clocks__firstResponse__Target"] = target.ToString(@"hh\:mm\:ss"), ["Orleans__Dashboard__Enabled"] = "false", ["Auth__SigningKey"] = key };
        var alertDatabase = await createDatabase();
        await using var a = HarnessServer.Create(assembly, With(alertEnvironment, alertDatabase));
        await using var b = HarnessServer.Create(assembly, With(alertEnvironment, alertDatabase));
        await a.StartAsync();
        await b.StartAsync();
        await using var boardA = await FloorSubscriber.ConnectAsync(a.BaseAddress, a.AccessToken);
        await using var boardB = await FloorSubscriber.ConnectAsync(b.BaseAddress, b.AccessToken);
        var arrivedA = new ConcurrentDictionary<string, double>();
        var arrivedB = new ConcurrentDictionary<string, double>();
        boardA.OnBreach = (p, at) => Note(arrivedA, p, at);
        boardB.OnBreach = (p, at) => Note(arrivedB, p, at);

        var windowStart = DateTimeOffset.UtcNow + lead;
        DateTimeOffset Due(long i) => windowStart + window * (i / (double)n);
        await PostAllAsync(a, "AL-", n, i => Due(i) - target);
        await WaitAsync(() => arrivedA.Count >= n && arrivedB.Count >= n, windowStart + window + TimeSpan.FromSeconds(30));
        var missing = (n - arrivedA.Count) + (n - arrivedB.Count);
        // The complaints' grains live where the writer applied them: mostly the server that holds the most deadlines.
        var holder = await HolderOfMostAsync(alertDatabase);
        var (onWriter, onOther) = holder == a.SiloPort ? (arrivedA, arrivedB) : (arrivedB, arrivedA);
        var alertWriter = LatencySummary.Of([.. onWriter.Values]);
        var alertOther = LatencySummary.Of([.. onOther.Values]);
        Console.WriteLine($"  alerts ({n:N0}): board on the complaints' server p99 {alertWriter.P99Ms:F1} ms, on the other p99 {alertOther.P99Ms:F1} ms, missing {missing}");

        // Kill: complaints due 2 s after the kill, held by the server about to die.
        var orphans = Math.Min(n, 5_000);
        var victim = holder == a.SiloPort ? a : b;
        var survivor = victim == a ? b : a;
        var survivorArrivals = victim == a ? arrivedB : arrivedA;
        var killAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(Math.Ceiling(orphans / Math.Max(1_000, two)) + 5);
        await PostAllAsync(victim, "OR-", orphans, _ => killAt + TimeSpan.FromSeconds(2) - target);
        while (DateTimeOffset.UtcNow < killAt) await Task.Delay(50);
        await victim.KillAsync();
        var killed = Stopwatch.StartNew();
        var declaredDead = await DeclaredDeadAsync(alertDatabase, victim.SiloPort, killed);
        await WaitAsync(() => survivorArrivals.Keys.Count(k => k.StartsWith("OR-", StringComparison.Ordinal)) >= orphans, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90));
        var lastOrphan = killed.Elapsed.TotalSeconds;
        var orphanedMissing = orphans - survivorArrivals.Keys.Count(k => k.StartsWith("OR-", StringComparison.Ordinal));
        Console.WriteLine($"  kill: declared dead after {declaredDead:F1} s, all {orphans:N0} orphaned deadlines breached on the survivor after {lastOrphan:F1} s (missing {orphanedMissing})");

        // A hang (SIGSTOP: what a dead machine or a network split looks like, its connections stay open).
        await victim.StartAsync();
        var generation = await ActiveGenerationAsync(alertDatabase, victim.SiloPort);
        using (var stop = Process.Start("kill", ["-STOP", victim.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await stop.WaitForExitAsync();
        var hung = Stopwatch.StartNew();
        var hangDeclared = await DeclaredDeadAsync(alertDatabase, victim.SiloPort, hung, generation);
        using (var resume = Process.Start("kill", ["-CONT", victim.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await resume.WaitForExitAsync();
        await victim.KillAsync();
        Console.WriteLine($"  hang (SIGSTOP): declared dead after {hangDeclared:F1} s; survivor {survivor.BaseAddress}");
        return new ClusterFigure(Math.Round(one), Math.Round(two), n, alertWriter, alertOther, missing, orphans, Math.Round(declaredDead, 1), Math.Round(lastOrphan, 1), orphanedMissing,
            Math.Round(hangDeclared, 1));
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> environment, string database) =>
        new(environment) { ["ConnectionStrings__Postgres"] = database };

    private static void Note(ConcurrentDictionary<string, double> arrivals, System.Text.Json.JsonElement payload, DateTimeOffset at)
    {
        if (payload.GetProperty("clock").GetString() != "firstResponse") return;
        var due = payload.GetProperty("dueAt").GetDateTimeOffset();
        arrivals.TryAdd(payload.GetProperty("complaintId").GetString()!, (at - due).TotalMilliseconds);
    }

    private static async Task<double> IngestAsync(ServerProcess server, string prefix, int events)
    {
        var started = Stopwatch.StartNew();
        await PostAllAsync(server, prefix, events, _ => DateTimeOffset.UtcNow);
        return events / started.Elapsed.TotalSeconds;
    }

    private static async Task PostAllAsync(ServerProcess server, string prefix, int count, Func<long, DateTimeOffset> occurredAt)
    {
        var next = -1;
        var batches = (count + Batch - 1) / Batch;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches)
            {
                var first = (long)i * Batch;
                await FloorEvents.PostAsync(server.Http, FloorEvents.OpenedBody(prefix, first, (int)Math.Min(Batch, count - first), occurredAt));
            }
        })));
    }

    private static async Task WaitAsync(Func<bool> done, DateTimeOffset until)
    {
        while (!done() && DateTimeOffset.UtcNow < until) await Task.Delay(100);
    }

    private static async Task<int> HolderOfMostAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT holder FROM deadlines WHERE holder IS NOT NULL GROUP BY holder ORDER BY count(*) DESC LIMIT 1", connection);
        var holder = (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("no deadline holder stored");
        return int.Parse(holder.Split('@')[0].Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ActiveGenerationAsync(string database, int siloPort)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var command = new NpgsqlCommand("SELECT max(generation) FROM orleansmembershiptable WHERE port = $1 AND status = 3", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = siloPort });
            if (await command.ExecuteScalarAsync() is int generation) return generation;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the silo on port {siloPort} never became active");
    }

    private static async Task<double> DeclaredDeadAsync(string database, int siloPort, Stopwatch since, int? generation = null)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        while (since.Elapsed < TimeSpan.FromSeconds(120))
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansmembershiptable WHERE port = $1 AND status = 6 AND ($2 = 0 OR generation = $2)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = siloPort });
            command.Parameters.Add(new NpgsqlParameter { Value = generation ?? 0 });
            if (Convert.ToInt64(await command.ExecuteScalarAsync()) > 0) return since.Elapsed.TotalSeconds;
            await Task.Delay(50);
        }
        return double.NaN;
    }
}
