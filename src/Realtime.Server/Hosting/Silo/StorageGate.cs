namespace Realtime.Server.Hosting.Silo;

/// <summary>
/// Holds the silo's start until PostgreSQL is reachable and migrated: Orleans' membership, storage and reminder tables
/// are created by our migrator, so they must exist before the silo's first membership read. While it waits,
/// <c>/health</c> answers 503 with the reason, and it retries every <see cref="RetryInterval"/>.
/// </summary>
public sealed partial class StorageGate(IStorageEngine engine, StorageReadiness readiness, ILogger<StorageGate> log) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How long to wait between attempts.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StorageGate), ServiceLifecycleStage.RuntimeInitialize - 1, OpenAsync);

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var problem = await engine.PrepareAsync(cancellationToken);
            if (problem is null) return;
            readiness.ReportFailure(problem);
            LogWaiting(problem);
            await Task.Delay(RetryInterval, cancellationToken);
        }
    }

    [LoggerMessage(LogLevel.Error, "Storage is not reachable: {Problem}. The silo waits for it before joining the cluster; /health answers 503 until then; retrying.")]
    private partial void LogWaiting(string problem);
}
