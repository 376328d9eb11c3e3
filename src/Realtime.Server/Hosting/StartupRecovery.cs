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
    IGrainFactory grains,
    IDeadlineIndex deadlines,
    DeadlineScheduler reminders,
    DeadlineTakeoverGate takeover,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    IHostApplicationLifetime lifetime,
    OpenComplaintDirectory directory,
    ILogger<StartupRecovery> log) : BackgroundService
{
    private const string ComplaintGrainType = "complaint";

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
            takeover.Open();
            readiness.ReportReady();
            return;
        }

        // The board summaries first, so the replay below moves them on (a replayed resolution removes its complaint)
        // and the teams' open counts are whole from the first turn. Due times are armed after the replay, as before.
        var prepared = TimeProvider.System.GetTimestamp();
        var due = await LoadDeadlinesAsync(stoppingToken);
        var loaded = TimeProvider.System.GetTimestamp();

        // The floor's ingest writer replays the journal after the stored watermark as it activates, wherever it lands;
        // in a running cluster it is already up and this returns at once.
        var applied = await grains.FloorIngestWriter().GetAppliedThroughAsync();

        var replayedAt = TimeProvider.System.GetTimestamp();
        // Deadlines belong to the silos that hold them: the first silo of a cluster arms the whole index (grains the replay
        // touched keep the fresher reminders they set); a silo joining a running cluster arms nothing, and a dead silo's
        // part moves to the survivors with the ring (DeadlineTakeoverService).
        var count = IsOldestActiveSilo() ? reminders.SetWhereUnset(due) : 0;
        takeover.Open();
        readiness.ReportReady();
        LogRecovered(applied, count, TimeProvider.System.GetElapsedTime(started).TotalSeconds,
            TimeProvider.System.GetElapsedTime(started, prepared).TotalSeconds, TimeProvider.System.GetElapsedTime(prepared, loaded).TotalSeconds,
            TimeProvider.System.GetElapsedTime(loaded, replayedAt).TotalSeconds, TimeProvider.System.GetElapsedTime(replayedAt).TotalSeconds);
        await engine.MonitorAsync(readiness, stoppingToken);
    }

    private bool IsOldestActiveSilo()
    {
        var me = silo.SiloAddress;
        return !membership.CurrentSnapshot.Members.Values.Any(m =>
            m.Status == SiloStatus.Active && !m.SiloAddress.Equals(me) && m.SiloAddress.Generation < me.Generation);
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
                directory.UpdateLocal(d.Grain.Key, OpenComplaintSummary.FromJson(summary));
        }
        return due;
    }

    [LoggerMessage(LogLevel.Information, "Recovered: applied through sequence {Applied}, {Deadlines} deadlines re-armed in {Seconds:F2} s " +
        "(silo and database ready {PrepareSeconds:F2} s, deadline index and board summaries {LoadSeconds:F2} s, ingest writer and replay {ReplaySeconds:F2} s, reminders {ArmSeconds:F2} s)")]
    private partial void LogRecovered(long applied, int deadlines, double seconds, double prepareSeconds, double loadSeconds, double replaySeconds, double armSeconds);
}
