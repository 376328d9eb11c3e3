namespace Realtime.Server.Hosting;

/// <summary>Whether storage can take events: drives <c>/health</c> (200 / 503) and refuses ingest before it is ready.</summary>
public sealed class StorageReadiness
{
    private volatile string? _problem = "The server is starting.";
    private volatile bool _ready;

    /// <summary>True once storage is reachable and recovery is done.</summary>
    public bool IsReady => _ready;

    /// <summary>What is wrong, when not ready.</summary>
    public string? Problem => _problem;

    /// <summary>Storage works.</summary>
    public void ReportReady()
    {
        _problem = null;
        _ready = true;
    }

    /// <summary>Storage failed; <c>/health</c> says so until <see cref="ReportReady"/>.</summary>
    public void ReportFailure(string problem)
    {
        _problem = problem;
        _ready = false;
    }
}
