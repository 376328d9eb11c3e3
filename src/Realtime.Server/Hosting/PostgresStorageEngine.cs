using Npgsql;
using Realtime.Storage.Postgres;

namespace Realtime.Server.Hosting;

/// <summary>PostgreSQL as start-up and <c>/health</c> see it: reachable, migrated, still reachable.</summary>
public sealed class PostgresStorageEngine(NpgsqlDataSource dataSource) : IStorageEngine
{
    /// <summary>How often reachability is checked while running.</summary>
    public static readonly TimeSpan MonitorInterval = TimeSpan.FromSeconds(2);

    /// <summary>Consecutive failed reachability checks before <c>/health</c> turns 503 while running.</summary>
    public const int FailedChecksBeforeUnhealthy = 2;

    /// <inheritdoc />
    public async Task<string?> PrepareAsync(CancellationToken cancellationToken)
    {
        var health = await PostgresHealth.CheckAsync(dataSource, cancellationToken);
        if (!health.CanConnect) return health.Description;
        try
        {
            await PostgresMigrator.MigrateAsync(dataSource, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or InvalidOperationException)
        {
            return "schema migration failed: " + e.Message;
        }
    }

    /// <inheritdoc />
    public async Task MonitorAsync(StorageReadiness readiness, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(MonitorInterval);
        var failures = 0;
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var health = await PostgresHealth.CheckAsync(dataSource, cancellationToken);
            if (health.CanConnect)
            {
                failures = 0;
                readiness.ReportReady();
            }
            // One slow probe under heavy load (every pooled connection busy with group commits) is not an outage; a
            // failed journal write reports at once on its own (the ingest endpoint), so this only needs to catch silence.
            else if (++failures >= FailedChecksBeforeUnhealthy)
            {
                readiness.ReportFailure(health.Description);
            }
        }
    }
}
