using System.Diagnostics;
using System.Net;
using System.Text;

namespace Realtime.Testing;

/// <summary>
/// The real Realtime server run as a separate process from its build output (<c>dotnet Realtime.Server.dll</c>, so
/// it runs as Production), on a free loopback port, with the environment a test gives it. It can be killed hard
/// (<c>kill -9</c>) and started again on the same address.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>How long a start may take until <c>/health</c> answers 200.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _log = new();
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private Process? _process;

    /// <summary>A server that will run with <paramref name="environment"/> (e.g. <c>ConnectionStrings__Postgres</c>).</summary>
    public ServerProcess(IReadOnlyDictionary<string, string?>? environment = null)
    {
        // The silo gets ports of its own too: several servers run side by side in one test run.
        var chosen = new Dictionary<string, string?>
        {
            ["Orleans__Endpoints__SiloPort"] = FreeTcpPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__Endpoints__GatewayPort"] = "0",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) chosen[key] = value;
        _environment = chosen;
        BaseAddress = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Where the server listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for its REST API.</summary>
    public HttpClient Http { get; }

    /// <summary>Everything the server printed so far (for failure messages).</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>The server assembly: <c>REALTIME_SERVER_DLL</c>, else the Debug build output next to this repository's tests.</summary>
    public static string AssemblyPath =>
        Environment.GetEnvironmentVariable("REALTIME_SERVER_DLL")
        ?? Path.GetFullPath(Path.Combine(RepositoryRoot, "src", "Realtime.Server", "bin", BuildConfiguration, "net10.0", "Realtime.Server.dll"));

    /// <summary>The repository root (the folder holding Realtime.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Realtime.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Realtime.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string BuildConfiguration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>Starts the server and waits until <c>/health</c> answers 200.</summary>
    public async Task StartAsync() => await WaitUntilHealthyAsync(Launch(), HttpStatusCode.OK);

    /// <summary>Starts the server and waits until <c>/health</c> answers at all (with 503 while its storage is unreachable).</summary>
    public async Task StartListeningAsync() => await WaitUntilHealthyAsync(Launch(), null);

    private Process Launch()
    {
        var assembly = AssemblyPath;
        if (!File.Exists(assembly))
            throw new InvalidOperationException($"The server build output {assembly} is missing: run `dotnet build src/Realtime.Server` (./test.sh does), or set REALTIME_SERVER_DLL.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("Demo__Enabled");
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
        return process;
    }

    /// <summary>Kills the process at once (SIGKILL: no shutdown hooks, no final checkpoint) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    private async Task WaitUntilHealthyAsync(Process process, HttpStatusCode? status)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            if (process.HasExited) throw new InvalidOperationException($"The server exited with code {process.ExitCode} while starting.\n{Log}");
            try
            {
                using var response = await Http.GetAsync("health", timeout.Token);
                if (status is null || response.StatusCode == status) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                break;
            }
        }
        while (await WaitTick(poll, timeout.Token));
        await KillAsync();
        throw new TimeoutException($"The server at {BaseAddress} was not healthy within {StartTimeout.TotalSeconds} s.\n{Log}");
    }

    private static async Task<bool> WaitTick(PeriodicTimer timer, CancellationToken token)
    {
        try
        {
            return await timer.WaitForNextTickAsync(token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Http.Dispose();
    }
}
