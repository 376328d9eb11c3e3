using System.Diagnostics;
using System.Text.Json;
using Realtime.LoadTest;

// The load harness of issue 6: `dotnet run -c Release --project bench/Realtime.LoadTest -- [--quick|--full] [--out results.json]`;
// `--servers 2` runs the cluster scenario instead (two server processes on one PostgreSQL).
var profile = LoadProfile.Quick;
var output = "results.json";
var skipBuild = false;
string? serverOverride = null;
string[] only = ["ingest", "push", "alerts", "recovery"];
string? traceDirectory = null;
var servers = 1;
for (var a = 0; a < args.Length; a++)
{
    switch (args[a])
    {
        case "--quick": profile = LoadProfile.Quick; break;
        case "--full": profile = LoadProfile.Full; break;
        case "--out" when a + 1 < args.Length: output = args[++a]; break;
        case "--no-build": skipBuild = true; break;
        case "--open" when a + 1 < args.Length: profile = profile with { OpenComplaints = int.Parse(args[++a]) }; break;
        case "--window" when a + 1 < args.Length: profile = profile with { AlertWindow = TimeSpan.FromSeconds(int.Parse(args[++a])) }; break;
        case "--alert-engines" when a + 1 < args.Length: profile = profile with { AlertEngines = args[++a].Split(',') }; break;
        case "--teams" when a + 1 < args.Length: FloorEvents.Teams = int.Parse(args[++a]); break;
        case "--agents" when a + 1 < args.Length: FloorEvents.Agents = int.Parse(args[++a]); break;
        case "--server" when a + 1 < args.Length: serverOverride = Path.GetFullPath(args[++a]); skipBuild = true; break;
        case "--only" when a + 1 < args.Length: only = args[++a].Split(','); break;
        case "--trace" when a + 1 < args.Length: traceDirectory = Path.GetFullPath(args[++a]); break;
        case "--servers" when a + 1 < args.Length: servers = int.Parse(args[++a]); break;
        default:
            Console.Error.WriteLine("usage: Realtime.LoadTest [--quick|--full] [--out results.json] [--no-build] [--server path/to/Realtime.Server.dll] [--teams 50] [--agents 1000] [--open N] [--window seconds] [--alert-engines memory,postgres] [--only ingest,push,alerts,recovery] [--trace dir] [--servers 2]");
            return 2;
    }
}

var total = Stopwatch.StartNew();
var root = RepositoryRoot();
var serverAssembly = serverOverride ?? Path.Combine(root, "src", "Realtime.Server", "bin", "Release", "net10.0", "Realtime.Server.dll");
if (!skipBuild) await BuildServerAsync(root);
if (!File.Exists(serverAssembly)) throw new InvalidOperationException($"{serverAssembly} is missing: build src/Realtime.Server in Release.");
Console.WriteLine($"Realtime load harness, {profile.Name}: {profile.OpenComplaints:N0} open complaints; server {serverAssembly} ({GitCommit(Path.GetDirectoryName(serverAssembly)!)}); load average {Machine.LoadAverage()}");

var results = new Dictionary<string, object?> { ["mode"] = profile.Name, ["machine"] = Machine.Describe(), ["server"] = serverAssembly, ["commit"] = GitCommit(Path.GetDirectoryName(serverAssembly)!) };
results["floor"] = new { teams = FloorEvents.Teams, agents = FloorEvents.Agents };
await using var cluster = await PostgresCluster.ObtainAsync(root);

async Task<ServerProcess> StartAsync(Dictionary<string, string?> environment)
{
    var server = HarnessServer.Create(serverAssembly, environment);
    await server.StartAsync();
    return server;
}

if (servers > 1)
{
    if (servers != 2) throw new InvalidOperationException("--servers supports 2 (two processes on this machine: correctness and overhead).");
    Console.WriteLine("cluster: two servers on one PostgreSQL");
    var figure = await ClusterScenario.RunAsync(serverAssembly, profile, cluster.CreateDatabaseAsync);
    results["cluster"] = figure;
    await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    Console.WriteLine($"written {Path.GetFullPath(output)}; {total.Elapsed.TotalSeconds:F0} s in all");
    return 0;
}

// 3a. Ceilings.
Console.WriteLine("ceilings");
var jsonRate = Ceilings.JsonParseEventsPerSecond(TimeSpan.FromSeconds(3));
var copyDatabase = await cluster.CreateDatabaseAsync();
var copyRate = await Ceilings.CopyRowsPerSecondAsync(copyDatabase, profile.CopyRows);
await cluster.DropDatabaseAsync(copyDatabase);
Console.WriteLine($"  JSON parse {jsonRate:N0} events/s (one thread); PostgreSQL binary COPY {copyRate:N0} rows/s (load {Machine.LoadAverage()})");

// 3b. Ingest, in memory and durable.
if (only.Contains("ingest")) Console.WriteLine("ingest");
var longTarget = new Dictionary<string, string?> { ["Sla__Clocks__firstResponse__Target"] = "01:00:00" };
var ingest = new List<IngestFigure>();
if (only.Contains("ingest"))
{
    await using (var memory = await StartAsync(new(longTarget)))
        ingest.AddRange(await IngestScenario.RunAsync("memory", memory, profile));
    var ingestDatabase = await cluster.CreateDatabaseAsync();
    await using (var durable = await StartAsync(new(longTarget) { ["ConnectionStrings__Postgres"] = ingestDatabase }))
        ingest.AddRange(await IngestScenario.RunAsync("postgres", durable, profile));
    await cluster.DropDatabaseAsync(ingestDatabase);
}

// Without the ingest scenario (--only), loading is paced on a rate this machine has shown (docs/benchmarks.md).
double Rate(string engine, int batch) => ingest.FirstOrDefault(f => f.Engine == engine && f.BatchSize == batch)?.EventsPerSecond ?? 8_000;

// 6. Fan-out. (4, memory per open idle complaint, is read on PostgreSQL in the recovery scenario, before the kill.)
PushFigure? push = null;
if (only.Contains("push"))
{
    Console.WriteLine("push fan-out");
    await using var server = await StartAsync(new(longTarget));
    push = await PushScenario.RunAsync(server, profile);
}

// 1 + 2. Alert latency with the sweep baseline beside it.
var alerts = new List<AlertFigure>();
if (only.Contains("alerts")) Console.WriteLine("alerts and sweep baseline");
foreach (var engine in only.Contains("alerts") ? profile.AlertEngines : [])
{
    var sweepDatabase = await cluster.CreateDatabaseAsync();
    string? serverDatabase = engine == "postgres" ? await cluster.CreateDatabaseAsync() : null;
    alerts.Add(await AlertScenario.RunAsync(engine, profile, Math.Min(Rate(engine, 1000), 60_000),
        env => StartAsync(serverDatabase is null ? env : new(env) { ["ConnectionStrings__Postgres"] = serverDatabase }), sweepDatabase, traceDirectory));
    await cluster.DropDatabaseAsync(sweepDatabase);
    if (serverDatabase is not null) await cluster.DropDatabaseAsync(serverDatabase);
}

// 5. Recovery on PostgreSQL.
RecoveryFigure? recovery = null;
if (only.Contains("recovery"))
{
    Console.WriteLine("recovery (PostgreSQL, kill -9)");
    var recoveryDatabase = await cluster.CreateDatabaseAsync();
    var observedOpens = alerts.FirstOrDefault(a => a.Engine == "postgres") is { } durableAlerts ? durableAlerts.OpenComplaints / durableAlerts.LoadSeconds : Rate("postgres", 1000);
    recovery = await RecoveryScenario.RunAsync(serverAssembly, recoveryDatabase, profile, Math.Min(observedOpens, 60_000));
    await cluster.DropDatabaseAsync(recoveryDatabase);
}
if (ingest.Count == 0 || push is null || alerts.Count == 0 || recovery is null)
{
    Console.WriteLine($"partial run (--only {string.Join(',', only)}): results.json and the table need every scenario; {total.Elapsed.TotalSeconds:F0} s in all");
    return 0;
}

var alert = alerts.FirstOrDefault(a => a.Engine == "postgres") ?? alerts[0];
results["alerts"] = new
{
    engine = alert.Engine,
    openComplaints = alert.OpenComplaints,
    p50Ms = alert.Latency.P50Ms,
    p99Ms = alert.Latency.P99Ms,
    p999Ms = alert.Latency.P999Ms,
    maxMs = alert.Latency.MaxMs,
    minMs = alert.Latency.MinMs,
    timed = alert.Latency.Count,
    missing = alert.Missing,
    dueBeforeOpened = alert.DueBeforeOpened,
    subscriberResyncs = alert.SubscriberResyncs,
    loadAverage = alert.LoadAverage,
};
results["alertsByEngine"] = alerts;
var sweep60 = alert.Sweeps.First(s => s.IntervalSec == 60);
results["sweepBaseline"] = new { intervalSec = 60, p50Ms = sweep60.Latency.P50Ms, p99Ms = sweep60.Latency.P99Ms, p99Ratio = Math.Round(sweep60.Latency.P99Ms / alert.Latency.P99Ms, 1) };
results["sweepBaselines"] = alert.Sweeps.Select(s => new { intervalSec = s.IntervalSec, p50Ms = s.Latency.P50Ms, p99Ms = s.Latency.P99Ms, maxMs = s.Latency.MaxMs, p99Ratio = Math.Round(s.Latency.P99Ms / alert.Latency.P99Ms, 1), sweeps = s.Sweeps, slowestSweepMs = s.SlowestSweepMs });
results["ingest"] = new
{
    inMemoryEventsPerSec = Rate("memory", 1000),
    durableEventsPerSec = Rate("postgres", 1000),
    copyRowsPerSec = Math.Round(copyRate),
    jsonParseEventsPerSec = Math.Round(jsonRate),
    byBatchSize = ingest,
};
results["memory"] = new { bytesPerOpenComplaint = recovery.BytesPerOpenComplaint, engine = "postgres", openComplaints = recovery.OpenComplaints, idleSeconds = RecoveryScenario.IdleWait.TotalSeconds };
results["recovery"] = recovery;
results["push"] = new { clients = push.Clients, p50Ms = push.Latency.P50Ms, p99Ms = push.Latency.P99Ms, maxMs = push.Latency.MaxMs, deliveries = push.Latency.Count, missing = push.Missing, loadAverage = push.LoadAverage };
results["retried503"] = FloorEvents.Retried503;
results["totalSeconds"] = Math.Round(total.Elapsed.TotalSeconds, 1);

var json = JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
await File.WriteAllTextAsync(output, json);
ResultTable.Print(profile, alerts, ingest, jsonRate, copyRate, recovery, push);
Console.WriteLine($"floor: {FloorEvents.Teams} teams, {FloorEvents.Agents} agents; requests retried after 503: {FloorEvents.Retried503:N0}");
Console.WriteLine($"written {Path.GetFullPath(output)}; {total.Elapsed.TotalSeconds:F0} s in all");
return 0;

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Realtime.sln"))) dir = dir.Parent;
        if (dir is not null) return dir.FullName;
    }
    throw new InvalidOperationException("Realtime.sln not found above the current directory.");
}

static string GitCommit(string directory)
{
    try
    {
        var start = new ProcessStartInfo("git", ["-C", directory, "describe", "--always", "--dirty"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var git = Process.Start(start)!;
        var text = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 ? text : "unknown";
    }
    catch (Exception)
    {
        return "unknown";
    }
}

static async Task BuildServerAsync(string root)
{
    Console.WriteLine("building src/Realtime.Server (Release)");
    var start = new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-nologo", "-v", "q", Path.Combine(root, "src", "Realtime.Server")]) { UseShellExecute = false };
    using var build = Process.Start(start)!;
    await build.WaitForExitAsync();
    if (build.ExitCode != 0) throw new InvalidOperationException("Building the server failed.");
}
