using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Realtime.Domain.Events;
using Realtime.Grains.Diagnostics;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Ingest;

/// <summary>
/// The one ingest writer of the cluster (<see cref="IIngestGrain"/>), a thin face on its silo's <see cref="IngestPipeline"/>.
/// It also keeps, per live silo, what that silo's checkpoints have made durable: a silo that dies loses what it applied
/// since, so the journal is replayed from the stored watermark (which never passes any live silo's) before more events go in.
/// </summary>
[GrainType("ingest")]
[KeepAlive]
[Reentrant]
internal sealed partial class IngestGrain(
    IngestPipeline pipeline, ICheckpointStore checkpoints, IClusterMembershipService membership, ILogger<IngestGrain> log) : Grain, IIngestGrain
{
    /// <summary>The key of the floor's ingest writer.</summary>
    public const string Key = "floor";

    // Per live silo: the highest sequence its stored states are known to hold.
    private readonly Dictionary<string, long> _checkpointed = new(StringComparer.Ordinal);
    // The highest watermark any silo has stored: a silo first seen now holds nothing older than this.
    private long _stored;
    // While a replay runs, checkpoints may not claim past where it started.
    private long? _replayFloor;
    // New requests wait for a failover's replay, so a grain rebuilt from older state gets the lost events before newer ones.
    private Task _replaying = Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stored = await checkpoints.ReadAppliedSequenceAsync(cancellationToken);
        foreach (var silo in ActiveSilos()) _checkpointed[silo] = _stored;
        pipeline.StartFrom(_stored);
        // Whatever the last writer journaled beyond the stored watermark (applied or not, acknowledged or not) is applied again.
        var started = TimeProvider.System.GetTimestamp();
        _replayFloor = _stored;
        var replayed = await pipeline.ReplayJournalAsync(_stored, cancellationToken);
        _replayFloor = null;
        if (replayed > 0 || _stored > 0) LogRecovered(_stored, replayed, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
    }

    public async Task<IngestResult> SubmitAsync(IReadOnlyList<FloorEvent> events)
    {
        await _replaying;
        try
        {
            return await pipeline.SubmitAsync(events);
        }
        catch (JournalUnavailableException e)
        {
            return new IngestResult(0, 0, e.InnerException?.Message ?? e.Message);
        }
    }

    public Task<CheckpointWatermark> BeginCheckpointAsync(string silo)
    {
        ForgetDeadSilos();
        var others = long.MaxValue;
        foreach (var active in ActiveSilos())
        {
            // A silo that joined since this writer began holds nothing older than the stored watermark.
            if (!_checkpointed.ContainsKey(active)) _checkpointed[active] = _stored;
        }
        foreach (var (other, through) in _checkpointed)
        {
            if (other != silo) others = Math.Min(others, through);
        }
        var applied = pipeline.AppliedThrough;
        if (_replayFloor is { } floor) applied = Math.Min(applied, floor);
        return Task.FromResult(new CheckpointWatermark(applied, others));
    }

    public Task EndCheckpointAsync(string silo, long appliedThrough, long stored)
    {
        _checkpointed[silo] = Math.Max(_checkpointed.GetValueOrDefault(silo), appliedThrough);
        _stored = Math.Max(_stored, stored);
        return Task.CompletedTask;
    }

    public Task<long> GetAppliedThroughAsync() => Task.FromResult(pipeline.AppliedThrough);

    private IEnumerable<string> ActiveSilos() =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress.ToParsableString());

    /// <summary>A silo that died took what it applied since its last checkpoint with it: replay from the stored watermark.</summary>
    private void ForgetDeadSilos()
    {
        var snapshot = membership.CurrentSnapshot;
        List<string>? dead = null;
        foreach (var silo in _checkpointed.Keys)
        {
            var address = SiloAddress.FromParsableString(silo);
            if (snapshot.GetSiloStatus(address) == SiloStatus.Dead) (dead ??= []).Add(silo);
        }
        if (dead is null) return;
        foreach (var silo in dead) _checkpointed.Remove(silo);
        var previous = _replaying;
        _replaying = ReplayAfterDeathAsync(previous, dead);
    }

    private async Task ReplayAfterDeathAsync(Task previous, List<string> dead)
    {
        await previous;
        var from = await checkpoints.ReadAppliedSequenceAsync();
        _replayFloor = Math.Min(_replayFloor ?? long.MaxValue, from);
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            var replayed = await pipeline.ReplayJournalAsync(from);
            RealtimeMetrics.Failovers.Add(1, new KeyValuePair<string, object?>("part", "journal"));
            LogFailover(string.Join(", ", dead), from, replayed, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e)
        {
            LogFailoverFailed(e, string.Join(", ", dead));
        }
        finally
        {
            _replayFloor = null;
        }
    }

    [LoggerMessage(LogLevel.Information, "Ingest writer ready: stored watermark {Stored}, {Replayed} journal events replayed in {Seconds:F2} s")]
    private partial void LogRecovered(long stored, int replayed, double seconds);

    [LoggerMessage(LogLevel.Warning, "Silo {Silos} died: replayed {Replayed} journal events after the stored watermark {From} in {Seconds:F2} s")]
    private partial void LogFailover(string silos, long from, int replayed, double seconds);

    [LoggerMessage(LogLevel.Error, "Silo {Silos} died and the journal could not be replayed; the next restart replays it")]
    private partial void LogFailoverFailed(Exception error, string silos);
}
