using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Realtime.LoadTest;

/// <summary>
/// The real server as a separate process, started from its Release build output (<c>dotnet Realtime.Server.dll</c>,
/// Production environment) on a free loopback port with the environment a scenario gives it. It can be killed hard
/// (<c>kill -9</c>) and started again on the same port, and its resident memory read from <c>/proc</c>.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly Dictionary<string, string?> _environment;
    private readonly string _assembly;
    private Process? _process;

    /// <summary>A server run from <paramref name="assembly"/> with <paramref name="environment"/> added to the harness's own.</summary>
    public ServerProcess(string assembly, Dictionary<string, string?> environment)
    {
        _assembly = assembly;
        _environment = environment;
        BaseAddress = new Uri($"http://127.0.0.1:{FreeTcpPort()}/");
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    /// <summary>Where the server listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for its REST API (pooled, many connections).</summary>
    public HttpClient Http { get; }

    /// <summary>The process id of the running server (0 when not running).</summary>
    public int Pid => _process is { HasExited: false } p ? p.Id : 0;

    /// <summary>Everything the server printed so far.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>Starts the process; returns at once (use <see cref="WaitUntilHealthyAsync"/>).</summary>
    public void Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Its silo listens on a port of its own: several servers may run side by side.
        start.Environment["Orleans__Endpoints__SiloPort"] = FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__Endpoints__GatewayPort"] = "0";
        start.Environment.Remove("Demo__Enabled");
        start.Environment.Remove("ConnectionStrings__Postgres");
        foreach (var (key, value) in _environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        if (!process.Start()) throw new InvalidOperationException("Could not start `dotnet` for the server.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Starts the process and waits for <c>/health</c> 200.</summary>
    public async Task StartAndWaitAsync(TimeSpan timeout)
    {
        Start();
        await WaitUntilHealthyAsync(timeout);
    }

    /// <summary>Polls <c>/health</c> every 20 ms until it answers 200; returns when it does.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process is not { HasExited: false }) throw new InvalidOperationException($"The server exited while starting.\n{Tail()}");
            try
            {
                using var response = await probe.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"The server at {BaseAddress} was not healthy within {timeout.TotalSeconds} s.\n{Tail()}");
    }

    /// <summary>Resident set size of the server process (VmRSS from /proc), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
            return kb * 1024;
        }
        throw new InvalidOperationException("VmRSS not found");
    }

    /// <summary>CPU time (user + system) the server used so far, from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Kills the process at once (SIGKILL: no shutdown hooks, no final checkpoint).</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>The server's log lines that contain <paramref name="text"/>, each trimmed.</summary>
    public IReadOnlyList<string> LinesContaining(string text) =>
        Log.Split('\n').Select(line => line.Trim()).Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>What the server said of giving back idle memory (its <c>IdleMemoryTrimmer</c>), for the memory readings.</summary>
    public string Trims() => LinesContaining("gave back memory") is { Count: > 0 } trims ? string.Join("; ", trims) : "no idle trim";

    /// <summary>The last lines the server printed (for failure messages).</summary>
    public string Tail(int lines = 40)
    {
        var all = Log.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            // Keep the log bounded: a million late-breach warnings would otherwise fill the harness's memory.
            if (_log.Length > 4_000_000) _log.Remove(0, 2_000_000);
            _log.AppendLine(line);
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        // For diagnosis: REALTIME_LOADTEST_SERVER_LOGS=dir keeps each server's output.
        if (Environment.GetEnvironmentVariable("REALTIME_LOADTEST_SERVER_LOGS") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, $"server-{DateTime.UtcNow:HHmmssfff}.log"), Log);
        }
        _process?.Dispose();
        Http.Dispose();
    }
}
