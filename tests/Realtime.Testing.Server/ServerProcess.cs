using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Realtime.Testing.Server;

/// <summary>
/// The real Realtime server run as a separate process from its build output (<c>dotnet Realtime.Server.dll --urls …</c>,
/// as Production, without the demo), on free loopback ports for HTTP and for its Orleans silo, with the environment a
/// caller gives it. Its output is captured; it can be killed hard (<c>kill -9</c>) and started again on the same
/// addresses (HTTP and silo port both stay, so a restart is the same server coming back).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    // Keep the log bounded: a million late-breach warnings in a load run would otherwise fill the caller's memory.
    private const int MaxLogChars = 4_000_000;
    private const int LogCharsDroppedWhenFull = 2_000_000;

    // A failure message with a whole load run's log would be unreadable; a start's log is far below this.
    private const int MaxLogCharsInFailures = 64_000;

    private readonly StringBuilder _log = new();
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly ServerProcessOptions _options;
    private Process? _process;

    /// <summary>
    /// A server that will run with <paramref name="environment"/> over the starter's own (e.g.
    /// <c>ConnectionStrings__Postgres</c>; a <see langword="null"/> value removes a variable the caller's process has).
    /// </summary>
    public ServerProcess(IReadOnlyDictionary<string, string?>? environment = null, ServerProcessOptions? options = null)
    {
        _options = options ?? new ServerProcessOptions();
        // The silo gets ports of its own too: several servers run side by side. They are chosen once, here, so a
        // restart comes back on the same silo port as well as the same HTTP address.
        var chosen = new Dictionary<string, string?>
        {
            ["Orleans__Endpoints__SiloPort"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__Endpoints__GatewayPort"] = "0",
        };
        // Signed in: a key of its own for each server, and a token with every role on its client (contract v2 needs one).
        chosen["Auth__SigningKey"] = TestTokens.NewKey();
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) chosen[key] = value;
        _environment = chosen;
        SigningKey = chosen["Auth__SigningKey"];
        AccessToken = SigningKey is { Length: > 0 } signing ? TestTokens.AllRoles(signing) : null;
        AssemblyPath = _options.AssemblyPath ?? DefaultAssemblyPath;
        BaseAddress = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/");
        Http = new HttpClient(_options.HttpHandler?.Invoke() ?? new HttpClientHandler()) { BaseAddress = BaseAddress, Timeout = _options.HttpTimeout };
        if (AccessToken is not null) Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AccessToken);
    }

    /// <summary>The port of its Orleans silo (how the cluster's membership table and deadline holders name it).</summary>
    public int SiloPort => int.Parse(_environment["Orleans__Endpoints__SiloPort"]!, CultureInfo.InvariantCulture);

    /// <summary>The server's <c>Auth:SigningKey</c> (base64), for tokens of other roles (<see cref="TestTokens.Create"/>); null when the caller removed it.</summary>
    public string? SigningKey { get; }

    /// <summary>A token with every role, as <see cref="Http"/> sends it; for hub clients (<c>AccessTokenProvider</c>) and browsers.</summary>
    public string? AccessToken { get; }

    /// <summary>Where the server listens (with a trailing slash, so relative paths resolve under it).</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for its REST API.</summary>
    public HttpClient Http { get; }

    /// <summary>The server assembly this instance runs.</summary>
    public string AssemblyPath { get; }

    /// <summary>The process id of the running server (0 when not running).</summary>
    public int Pid => _process is { HasExited: false } process ? process.Id : 0;

    /// <summary>Everything the server printed so far (bounded to the last few million characters).</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>
    /// The server assembly when none is given: <c>REALTIME_SERVER_DLL</c>, else the Realtime.Server build output of the
    /// same configuration (Debug or Release) as the running caller, in this repository.
    /// </summary>
    public static string DefaultAssemblyPath =>
        Environment.GetEnvironmentVariable("REALTIME_SERVER_DLL") is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "src", "Realtime.Server", "bin", CallerConfiguration, "net10.0", "Realtime.Server.dll"));

    /// <summary>The repository root (the first folder above the caller's output that holds Realtime.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Realtime.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Realtime.sln not found above " + AppContext.BaseDirectory);
        }
    }

    // The caller runs from bin/<Configuration>/net10.0: a Release test run starts the Release server it built.
    private static string CallerConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>Starts the server and waits until <c>/health</c> answers 200.</summary>
    public async Task StartAsync()
    {
        Start();
        await WaitUntilHealthyAsync();
    }

    /// <summary>Starts the server and waits until <c>/health</c> answers at all (with 503 while its storage is unreachable).</summary>
    public async Task StartListeningAsync()
    {
        Start();
        await WaitUntilListeningAsync();
    }

    /// <summary>Kills the server (if running) and starts it again on the same addresses, waiting for <c>/health</c> 200.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        await StartAsync();
    }

    /// <summary>
    /// Starts the process and returns at once, so a caller can time or watch the start itself (then
    /// <see cref="WaitUntilHealthyAsync"/>). A process still running from before is killed first.
    /// </summary>
    public void Start()
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new InvalidOperationException(
                $"The server build output {AssemblyPath} is missing: run `dotnet build src/Realtime.Server` (with -c Release for a Release caller; " +
                "./test.sh and the dashboard tests' build do it), or point REALTIME_SERVER_DLL at a Realtime.Server.dll.");
        }
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
            _process.Dispose();
        }

        var start = new ProcessStartInfo("dotnet")
        {
            // The server resolves wwwroot next to its assembly; running from its folder keeps content-root lookups local too.
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        // Production, as deployed (no developer exception pages, real option validation), and never the demo feed,
        // even when the caller's own shell has it switched on: it would mix invented events into what is measured.
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
    }

    /// <summary>Waits until <c>/health</c> answers 200 (listening is not ready: it answers 503 until storage is reachable).</summary>
    /// <param name="timeout">How long to wait; <see cref="ServerProcessOptions.StartTimeout"/> when <see langword="null"/>.</param>
    public Task WaitUntilHealthyAsync(TimeSpan? timeout = null) => WaitForHealthAsync(HttpStatusCode.OK, timeout ?? _options.StartTimeout);

    /// <summary>Waits until <c>/health</c> answers with any status (the web server is up; storage may not be).</summary>
    /// <param name="timeout">How long to wait; <see cref="ServerProcessOptions.StartTimeout"/> when <see langword="null"/>.</param>
    public Task WaitUntilListeningAsync(TimeSpan? timeout = null) => WaitForHealthAsync(null, timeout ?? _options.StartTimeout);

    /// <summary>Kills the process at once (SIGKILL: no shutdown hooks, no final checkpoint) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Stops the server gracefully (SIGTERM, as a service manager or an orchestrator does) and waits until it has exited.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process is not { HasExited: false } process) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(wait.Token);
    }

    /// <summary>The server's log lines that contain <paramref name="text"/>, each trimmed.</summary>
    public IReadOnlyList<string> LinesContaining(string text) =>
        Log.Split('\n').Select(line => line.Trim()).Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>The last <paramref name="lines"/> lines the server printed.</summary>
    public string Tail(int lines = 40)
    {
        var all = Log.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private async Task WaitForHealthAsync(HttpStatusCode? status, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        // A probe of its own with a short timeout: one stuck request must not use up the whole start.
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var poll = new PeriodicTimer(_options.HealthPollInterval);
        do
        {
            if (_process is not { HasExited: false } process)
            {
                var code = _process is { } exited ? exited.ExitCode.ToString(CultureInfo.InvariantCulture) : "(never started)";
                throw new InvalidOperationException($"The server exited with code {code} while starting.\n{FailureLog()}");
            }
            try
            {
                using var response = await probe.GetAsync("health", deadline.Token);
                if (status is null || response.StatusCode == status) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // This probe timed out; the start has time left.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }
        }
        while (await WaitTickAsync(poll, deadline.Token));
        await KillAsync();
        var wanted = status is null ? "listening" : "healthy";
        throw new TimeoutException($"The server at {BaseAddress} was not {wanted} within {timeout.TotalSeconds} s.\n{FailureLog()}");
    }

    private static async Task<bool> WaitTickAsync(PeriodicTimer timer, CancellationToken token)
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

    private string FailureLog() => Log is { Length: <= MaxLogCharsInFailures } log ? log : Tail();

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            if (_log.Length > MaxLogChars) _log.Remove(0, LogCharsDroppedWhenFull);
            _log.AppendLine(line);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (_options.LogDirectory is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, $"server-{DateTime.UtcNow:HHmmssfff}.log"), Log);
        }
        _process?.Dispose();
        Http.Dispose();
    }
}
