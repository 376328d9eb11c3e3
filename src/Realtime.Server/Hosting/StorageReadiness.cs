namespace Realtime.Server.Hosting;

/// <summary>Whether storage can take events: drives <c>/health</c> (200 / 503) and refuses ingest before it is ready.</summary>
public sealed class StorageReadiness
{
    private readonly object _gate = new();
    private volatile string? _problem = "The server is starting.";
    private volatile bool _ready;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once storage is reachable and recovery is done.</summary>
    public bool IsReady => _ready;

    /// <summary>What is wrong, when not ready.</summary>
    public string? Problem => _problem;

    /// <summary>Storage works.</summary>
    public void ReportReady()
    {
        _problem = null;
        Set(true);
    }

    /// <summary>Storage failed; <c>/health</c> says so until <see cref="ReportReady"/>.</summary>
    public void ReportFailure(string problem)
    {
        _problem = problem;
        Set(false);
    }

    /// <summary>Completes once readiness is <paramref name="ready"/> (at once if it already is).</summary>
    public async Task WaitUntilAsync(bool ready, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_ready == ready) return;
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    private void Set(bool ready)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_ready == ready) return;
            _ready = ready;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
