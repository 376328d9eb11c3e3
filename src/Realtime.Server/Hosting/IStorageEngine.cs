namespace Realtime.Server.Hosting;

/// <summary>A durable storage engine as start-up sees it.</summary>
public interface IStorageEngine
{
    /// <summary>Connects and migrates; returns null when ready, else what is wrong (never containing a password).</summary>
    Task<string?> PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Watches reachability while the server runs, reporting to <paramref name="readiness"/>.</summary>
    Task MonitorAsync(StorageReadiness readiness, CancellationToken cancellationToken);
}
