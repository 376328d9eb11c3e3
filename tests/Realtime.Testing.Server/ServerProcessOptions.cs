namespace Realtime.Testing.Server;

/// <summary>
/// How a <see cref="ServerProcess"/> is run and talked to, where callers differ: the tests take the defaults, the load
/// harness runs a Release build through a pooled client and keeps each server's output.
/// </summary>
public sealed record ServerProcessOptions
{
    /// <summary>The server assembly to run; <see langword="null"/> means <see cref="ServerProcess.DefaultAssemblyPath"/>.</summary>
    public string? AssemblyPath { get; init; }

    /// <summary>How long a start may take until <c>/health</c> answers (60 s: a cold start on a busy 2-core machine).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often <c>/health</c> is asked while starting. The load harness asks every 20 ms because it measures the time
    /// to ready after a restart; 100 ms is plenty for tests.
    /// </summary>
    public TimeSpan HealthPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The timeout of <see cref="ServerProcess.Http"/>.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Makes the handler under <see cref="ServerProcess.Http"/>; <see langword="null"/> is the default handler.
    /// The load harness gives a pooled one with many connections per server.
    /// </summary>
    public Func<HttpMessageHandler>? HttpHandler { get; init; }

    /// <summary>When set, the server's whole output is written to a file in this folder on dispose (for diagnosis).</summary>
    public string? LogDirectory { get; init; }
}
