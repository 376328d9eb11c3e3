using Realtime.Grains;
using Realtime.Grains.Complaints;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Ingest;
using Realtime.Grains.Persistence;

namespace Realtime.Server.Hosting;

/// <summary>
/// Brings the server to "ready" once the silo is up (on PostgreSQL, <see cref="Silo.StorageGate"/> has waited for the
/// database and migrated it by then): replays the journal after the last checkpoint and arms every stored deadline, so
/// deadlines that passed while the server was down fire at once. In memory there is nothing to recover.
/// </summary>
public sealed partial class StartupRecovery(
    IServiceProvider services,
    StorageReadiness readiness,
    IngestPipeline pipeline,
    ICheckpointStore checkpoints,
    IDeadlineIndex deadlines,
    IEventJournal journal,
    DeadlineScheduler reminders,
    IHostApplicationLifetime lifetime,
    OpenComplaintDirectory directory,
    ILogger<StartupRecovery> log) : BackgroundService
{
    private const string ComplaintGrainType = "complaint";

    /// <summary>Events replayed per batch during recovery.</summary>
    public const int ReplayBatchSize = 5_000;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Recovery calls grains, so it waits for the silo; on PostgreSQL the silo starts only once the database is reachable
        // and migrated (StorageGate), so the database is ready here too.
        var started = TimeProvider.System.GetTimestamp();
        if (!await WaitForStartAsync(stoppingToken)) return;
        var engine = services.GetService<IStorageEngine>();
        if (engine is null)
        {
            readiness.ReportReady();
            return;
        }

        // The board summaries first, so the replay below moves them on (a replayed resolution removes its complaint)
        // and the teams' open counts are whole from the first turn. Due times are armed after the replay, as before.
        var prepared = TimeProvider.System.GetTimestamp();
        var due = await LoadDeadlinesAsync(stoppingToken);
        var loaded = TimeProvider.System.GetTimestamp();

        var applied = await checkpoints.ReadAppliedSequenceAsync(stoppingToken);
        pipeline.StartFrom(applied);
        var replayed = 0;
        var batch = new List<Domain.Events.FloorEvent>(ReplayBatchSize);
        await foreach (var e in journal.ReadAfterAsync(applied, stoppingToken))
        {
            batch.Add(e);
            if (batch.Count < ReplayBatchSize) continue;
            await pipeline.ReplayAsync(batch);
            replayed += batch.Count;
            batch = new List<Domain.Events.FloorEvent>(ReplayBatchSize);
        }
        if (batch.Count > 0) await pipeline.ReplayAsync(batch);
        replayed += batch.Count;

        var replayedAt = TimeProvider.System.GetTimestamp();
        // Grains the replay touched have set fresher reminders than the index's: those stay.
        reminders.SetWhereUnset(due);
        var count = due.Count;
        readiness.ReportReady();
        LogRecovered(applied, replayed, count, TimeProvider.System.GetElapsedTime(started).TotalSeconds,
            TimeProvider.System.GetElapsedTime(started, prepared).TotalSeconds, TimeProvider.System.GetElapsedTime(prepared, loaded).TotalSeconds,
            TimeProvider.System.GetElapsedTime(loaded, replayedAt).TotalSeconds, TimeProvider.System.GetElapsedTime(replayedAt).TotalSeconds);
        await engine.MonitorAsync(readiness, stoppingToken);
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Reads the deadline index, putting each complaint's board summary in the directory, and returns the due times.</summary>
    private async Task<List<(GrainKey Grain, DateTimeOffset DueAt)>> LoadDeadlinesAsync(CancellationToken cancellationToken)
    {
        // With a million open complaints this is most of the time to ready. Measured apart (docs/benchmarks.md): reading
        // the rows ~2 s, decoding the summaries (with the general serializer ~2 s, now ~0.5 s), filling the directory and
        // the GC of what it keeps ~2 s.
        var due = new List<(GrainKey Grain, DateTimeOffset DueAt)>();
        await foreach (var d in deadlines.LoadAllAsync(cancellationToken))
        {
            if (d.DueAt is { } dueAt) due.Add((d.Grain, dueAt));
            if (d.Summary is { } summary && d.Grain.Type == ComplaintGrainType)
                directory.Update(d.Grain.Key, OpenComplaintSummary.FromJson(summary));
        }
        return due;
    }

    [LoggerMessage(LogLevel.Information, "Recovered: checkpoint at sequence {Applied}, {Replayed} journal events replayed, {Deadlines} deadlines re-armed in {Seconds:F2} s " +
        "(silo and database ready {PrepareSeconds:F2} s, deadline index and board summaries {LoadSeconds:F2} s, replay {ReplaySeconds:F2} s, reminders {ArmSeconds:F2} s)")]
    private partial void LogRecovered(long applied, int replayed, int deadlines, double seconds, double prepareSeconds, double loadSeconds, double replaySeconds, double armSeconds);
}

/// <summary>A durable storage engine as start-up sees it.</summary>
public interface IStorageEngine
{
    /// <summary>Connects and migrates; returns null when ready, else what is wrong (never containing a password).</summary>
    Task<string?> PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Watches reachability while the server runs, reporting to <paramref name="readiness"/>.</summary>
    Task MonitorAsync(StorageReadiness readiness, CancellationToken cancellationToken);
}
