using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// The real Realtime server, run as a separate process from its build output on a free port
/// with in-memory storage and a 6-second first-response target (so breaches happen within a test).
/// One instance per test class; <see cref="RestartAsync"/> stops it and starts it again on the same port.
/// </summary>
public class RealtimeServer : IAsyncLifetime
{
    /// <summary>The first-response target the server runs with; tests wait for breaches on it.</summary>
    public static readonly TimeSpan FirstResponseTarget = TimeSpan.FromSeconds(6);

    private readonly TimeSpan _firstResponseTarget;
    private readonly IReadOnlyDictionary<string, string> _environment;

    /// <summary>A server with the 6-second <see cref="FirstResponseTarget"/>.</summary>
    public RealtimeServer()
        : this(FirstResponseTarget)
    {
    }

    /// <summary>A server whose first-response target is <paramref name="firstResponseTarget"/>.</summary>
    protected RealtimeServer(TimeSpan firstResponseTarget)
        : this(firstResponseTarget, new Dictionary<string, string>())
    {
    }

    /// <summary>
    /// A server whose first-response target is <paramref name="firstResponseTarget"/>, with extra configuration as
    /// environment variables (e.g. <c>Sla__Clocks__resolution__Calendar=office</c>) set after the defaults, so they win.
    /// </summary>
    protected RealtimeServer(TimeSpan firstResponseTarget, IReadOnlyDictionary<string, string> environment)
    {
        _firstResponseTarget = firstResponseTarget;
        _environment = environment;
    }

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreeTcpPort()}");

    /// <summary>A client for the server's REST API.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await StartAsync();
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Stop();
        Http.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Kills the server process and starts a new one on the same address (in-memory state is lost).</summary>
    public async Task RestartAsync()
    {
        Stop();
        await StartAsync();
    }

    /// <summary>Kills the server process (the address stays reserved for <see cref="StartAgainAsync"/>).</summary>
    public Task StopAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>Starts the server again on the same address after <see cref="StopAsync"/>.</summary>
    public Task StartAgainAsync() => StartAsync();

    /// <summary>POSTs events to /api/events and asserts the server accepted them (202).</summary>
    public async Task IngestAsync(params object[] events)
    {
        using var response = await Http.PostAsJsonAsync("/api/events", events);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/events answered {(int)response.StatusCode}: {body}\n{Log}");
        // Every test event is new: a duplicate means two tests drew the same id, and the board would miss that event.
        using var answer = JsonDocument.Parse(body);
        Assert.True(answer.RootElement.GetProperty("duplicates").GetInt32() == 0, $"POST /api/events found duplicate event ids: {body}");
    }

    /// <summary>What the server wrote to stdout and stderr so far, for failure messages.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    private async Task StartAsync()
    {
        var assembly = TestEnvironment.ServerAssemblyPath;
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException(
                $"The server build output {assembly} is missing. Build it with `dotnet build src/Realtime.Server` " +
                "(building this test project does that too), or point REALTIME_SERVER_DLL at a Realtime.Server.dll.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            // The server resolves wwwroot next to its assembly; running from its folder keeps content-root lookups local too.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["Sla__Clocks__firstResponse__Target"] = _firstResponseTarget.ToString("c");
        start.Environment["ConnectionStrings__Postgres"] = "";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Its silo listens on a port of its own: several servers may run side by side.
        start.Environment["Orleans__Endpoints__SiloPort"] = FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__Endpoints__GatewayPort"] = "0";
        start.Environment.Remove("Demo__Enabled");
        foreach (var (name, value) in _environment)
            start.Environment[name] = value;

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Record(e.Data, listening);
        process.ErrorDataReceived += (_, e) => Record(e.Data, listening);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The server exited with code {process.ExitCode} while starting.\n{Log}"));
        if (!process.Start()) throw new InvalidOperationException("Could not start `dotnet` for the server.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await listening.Task.WaitAsync(timeout.Token);
            await WaitUntilHealthyAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Stop();
            throw new TimeoutException($"The server did not become healthy at {BaseAddress} within {StartTimeout.TotalSeconds} s.\n{Log}");
        }
    }

    private void Record(string? line, TaskCompletionSource listening)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
        if (line.Contains("Now listening on", StringComparison.Ordinal)) listening.TrySetResult();
    }

    // Listening is not ready: /health answers 503 until storage is reachable, so ask until it says 200.
    private async Task WaitUntilHealthyAsync(CancellationToken cancellation)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            try
            {
                using var response = await Http.GetAsync("/health", cancellation);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not accepting connections yet.
            }
        }
        while (await poll.WaitForNextTickAsync(cancellation));
    }

    private void Stop()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
