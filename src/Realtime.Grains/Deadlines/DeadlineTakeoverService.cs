using Microsoft.Extensions.Logging;
using Realtime.Grains.Diagnostics;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Deadlines;

/// <summary>
/// Moves deadlines with the cluster. Each silo arms the deadlines of the grains it hosts, and its checkpoints write them
/// to the index with the silo as their holder. When a silo dies, Orleans' ring closes over its range and every survivor
/// arms the dead silo's stored deadlines whose grains fall in its own range now (those it does not hold already), so the
/// dead silo's complaints still breach at their due time. A silo that stops gracefully hands its pending deadlines to the
/// others before it goes, so none fires late. A deadline armed twice is harmless: a complaint records a breach once.
/// </summary>
internal sealed partial class DeadlineTakeoverService(
    GrainId id, Silo silo, ILoggerFactory loggers, IDeadlineIndex index, DeadlineScheduler deadlines, DeadlineTakeoverGate gate,
    IClusterMembershipService membership, ILocalSiloDetails local, DeadlineTakeoverClient others)
    : GrainService(id, silo, loggers), IDeadlineTakeover
{
    private readonly ILogger _log = loggers.CreateLogger<DeadlineTakeoverService>();

    public Task<int> ArmAsync(IReadOnlyList<HandedOverDeadline> handedOver)
    {
        var armed = deadlines.SetWhereUnset(handedOver.Select(d => (d.Grain, d.DueAt)).ToList());
        RealtimeMetrics.DeadlinesTakenOver.Add(armed);
        LogHandedOver(armed, handedOver.Count);
        return Task.FromResult(armed);
    }

    public override async Task OnRangeChange(IRingRange oldRange, IRingRange newRange, bool increased)
    {
        await base.OnRangeChange(oldRange, newRange, increased);
        await TakeOverAsync(newRange);
    }

    protected override Task StartInBackground()
    {
        // The ring and the membership snapshot move on the same news but not in one step: a dead silo's part is taken over
        // when either shows it, whichever comes second finding the deadlines already armed.
        _ = Task.Run(WatchMembershipAsync);
        return base.StartInBackground();
    }

    private async Task WatchMembershipAsync()
    {
        var dead = new HashSet<SiloAddress>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(StoppedCancellationTokenSource.Token))
            {
                var newlyDead = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead && dead.Add(m.SiloAddress)).ToList();
                if (newlyDead.Count > 0) await TakeOverAsync(RingRange);
            }
        }
        catch (OperationCanceledException) when (StoppedCancellationTokenSource.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogWatchFailed(e);
        }
    }

    /// <summary>Arms the stored deadlines held by silos that are gone, for the grains in <paramref name="range"/>, unless armed here already.</summary>
    private async Task TakeOverAsync(IRingRange range)
    {
        // Until start-up has armed what this silo holds (or decided a running cluster holds it), the ring is still settling:
        // each silo owns all of it for a moment at start.
        if (!gate.IsOpen) return;
        var started = TimeProvider.System.GetTimestamp();
        var snapshot = membership.CurrentSnapshot;
        var gone = new Dictionary<string, bool>(StringComparer.Ordinal);
        var orphaned = new List<(GrainKey Grain, DateTimeOffset DueAt)>();
        await foreach (var d in index.LoadAllAsync(StoppedCancellationTokenSource.Token))
        {
            if (d.DueAt is not { } due || d.Holder is not { } holder) continue;
            if (!gone.TryGetValue(holder, out var isGone))
            {
                isGone = snapshot.GetSiloStatus(SiloAddress.FromParsableString(holder)) is SiloStatus.Dead or SiloStatus.None;
                gone[holder] = isGone;
            }
            if (isGone && range.InRange(GrainId.Create(d.Grain.Type, d.Grain.Key).GetUniformHashCode())) orphaned.Add((d.Grain, due));
        }
        if (orphaned.Count == 0) return;
        var armed = deadlines.SetWhereUnset(orphaned);
        if (armed == 0) return;
        RealtimeMetrics.Failovers.Add(1, new KeyValuePair<string, object?>("part", "deadlines"));
        RealtimeMetrics.DeadlinesTakenOver.Add(armed);
        LogTakenOver(armed, orphaned.Count, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    public override async Task Stop()
    {
        await HandOverAsync();
        await base.Stop();
    }

    /// <summary>Hands this silo's pending deadlines to the silos that stay, spread by grain over them.</summary>
    private async Task HandOverAsync()
    {
        var me = local.SiloAddress;
        var stay = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(me)).Select(m => m.SiloAddress).OrderBy(a => a.ToParsableString(), StringComparer.Ordinal).ToList();
        if (stay.Count == 0) return;
        var pending = deadlines.Pending();
        if (pending.Count == 0) return;
        var shares = stay.Select(_ => new List<HandedOverDeadline>()).ToArray();
        foreach (var (grain, due) in pending) shares[(int)(GrainId.Create(grain.Type, grain.Key).GetUniformHashCode() % (uint)stay.Count)].Add(new(grain.Type, grain.Key, due));
        try
        {
            await Task.WhenAll(stay.Select((s, i) => others.On(s).ArmAsync(shares[i]))).WaitAsync(TimeSpan.FromSeconds(10));
            LogHandingOver(pending.Count, stay.Count);
        }
        catch (Exception e)
        {
            // They stay in the index: the survivors arm them when this silo is declared gone.
            LogHandOverFailed(e, pending.Count);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Took over {Armed} of {Orphaned} stored deadlines in this silo's part of the ring held by silos that left, in {Milliseconds:F0} ms")]
    private partial void LogTakenOver(int armed, int orphaned, double milliseconds);

    [LoggerMessage(LogLevel.Error, "Following cluster membership failed; dead silos' deadlines move here only with ring changes")]
    private partial void LogWatchFailed(Exception error);

    [LoggerMessage(LogLevel.Information, "A stopping silo handed over {Count} deadlines; {Armed} were new here")]
    private partial void LogHandedOver(int armed, int count);

    [LoggerMessage(LogLevel.Information, "Stopping: handed {Count} pending deadlines over to {Silos} silos")]
    private partial void LogHandingOver(int count, int silos);

    [LoggerMessage(LogLevel.Warning, "Stopping: {Count} pending deadlines could not be handed over; the survivors arm them from the index")]
    private partial void LogHandOverFailed(Exception error, int count);
}
