namespace Realtime.LoadTest;

/// <summary>
/// How the load harness runs the real server: the shared <see cref="ServerProcess"/> starter, tuned for load (a pooled
/// client, a fine-grained health poll for the restart timing), plus the readings of the process the figures need.
/// </summary>
public static class HarnessServer
{
    /// <summary>A server run from <paramref name="assembly"/> with <paramref name="environment"/> added to the harness's own.</summary>
    public static ServerProcess Create(string assembly, IReadOnlyDictionary<string, string?> environment)
    {
        // A database in the harness's own shell must not leak in: a scenario without one measures the in-memory server.
        var chosen = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = null,
            // The harness measures what the server carries, not the per-key limit that protects it in service (32 clients
            // posting single events send thousands of requests a second under one key).
            ["Ingest__RateLimit__RequestsPerSecond"] = "1000000",
            ["Ingest__RateLimit__Burst"] = "1000000",
        };
        foreach (var (key, value) in environment) chosen[key] = value;
        return new ServerProcess(chosen, new ServerProcessOptions
        {
            AssemblyPath = assembly,
            StartTimeout = TimeSpan.FromMinutes(2),
            // The recovery scenario times the restart to /health 200; a coarse poll would add up to its interval.
            HealthPollInterval = TimeSpan.FromMilliseconds(20),
            HttpTimeout = TimeSpan.FromMinutes(2),
            // Many concurrent posters share the client; the default per-server limit would queue them on the client side.
            HttpHandler = () => new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan },
            // For diagnosis: REALTIME_LOADTEST_SERVER_LOGS=dir keeps each server's output.
            LogDirectory = Environment.GetEnvironmentVariable("REALTIME_LOADTEST_SERVER_LOGS"),
        });
    }

    /// <summary>Resident set size of the server process (VmRSS from /proc), in bytes.</summary>
    public static long ResidentBytes(this ServerProcess server)
    {
        foreach (var line in File.ReadLines($"/proc/{server.Pid}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
            return kb * 1024;
        }
        throw new InvalidOperationException("VmRSS not found");
    }

    /// <summary>CPU time (user + system) the server used so far, from /proc/&lt;pid&gt;/stat.</summary>
    public static TimeSpan CpuTime(this ServerProcess server)
    {
        var stat = File.ReadAllText($"/proc/{server.Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>What the server said of giving back idle memory (its <c>IdleMemoryTrimmer</c>), for the memory readings.</summary>
    public static string Trims(this ServerProcess server) =>
        server.LinesContaining("gave back memory") is { Count: > 0 } trims ? string.Join("; ", trims) : "no idle trim";
}
