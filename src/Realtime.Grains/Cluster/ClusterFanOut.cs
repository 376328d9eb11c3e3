using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Realtime.Grains.Complaints;

namespace Realtime.Grains.Cluster;

/// <summary>
/// Sends what this silo's grains publish (board summaries, live pushes) to every other active silo's
/// <see cref="IClusterRelay"/>: one queue and one sender per silo, so a complaint's changes arrive in the order they were
/// made, and a slow or dying silo delays nobody else. On a silo of its own it sends nothing and costs one check.
/// </summary>
public sealed partial class ClusterFanOut(
    IClusterMembershipService membership, ILocalSiloDetails local, ClusterRelayClient relays, OpenComplaintDirectory directory, ILogger<ClusterFanOut> log)
{
    /// <summary>Most changes sent to one silo in one call.</summary>
    public const int MaxBatch = 512;

    /// <summary>Changes kept waiting for one silo before the oldest are dropped (its boards then reload on their own).</summary>
    public const int MaxBacklog = 100_000;

    private readonly ConcurrentDictionary<SiloAddress, Target> _targets = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _watching = Task.CompletedTask;

    /// <summary>Whether another silo is listening (a push nobody here follows must still be written for them).</summary>
    public bool HasRemoteSilos => !_targets.IsEmpty;

    /// <summary>Silos this one sends to.</summary>
    public int RemoteSilos => _targets.Count;

    /// <summary>Starts following membership (called as the silo's relay starts).</summary>
    public void Start()
    {
        directory.Replicate = (complaint, summary) =>
        {
            if (!_targets.IsEmpty) Forward(RelayedChange.OfSummary(complaint, summary));
        };
        Sync(membership.CurrentSnapshot);
        _watching = Task.Run(WatchAsync);
    }

    /// <summary>Stops sending.</summary>
    public async Task StopAsync()
    {
        directory.Replicate = null;
        await _stopping.CancelAsync();
        foreach (var target in _targets.Values) target.Queue.Writer.TryComplete();
        await _watching.ConfigureAwait(false);
    }

    /// <summary>Queues <paramref name="change"/> for every other active silo.</summary>
    public void Forward(RelayedChange change)
    {
        foreach (var target in _targets.Values) target.Queue.Writer.TryWrite(change);
    }

    private async Task WatchAsync()
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stopping.Token)) Sync(snapshot);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogWatchFailed(e);
        }
    }

    private void Sync(ClusterMembershipSnapshot snapshot)
    {
        var me = local.SiloAddress;
        foreach (var member in snapshot.Members.Values)
        {
            if (member.SiloAddress.Equals(me)) continue;
            if (member.Status == SiloStatus.Active)
            {
                if (_stopping.IsCancellationRequested || _targets.ContainsKey(member.SiloAddress)) continue;
                var target = new Target(member.SiloAddress);
                if (_targets.TryAdd(member.SiloAddress, target))
                {
                    _ = Task.Run(() => SendAsync(target));
                    LogJoined(member.SiloAddress);
                }
            }
            else if (_targets.TryRemove(member.SiloAddress, out var gone))
            {
                gone.Queue.Writer.TryComplete();
                LogLeft(member.SiloAddress, member.Status);
            }
        }
    }

    private async Task SendAsync(Target target)
    {
        var relay = relays.On(target.Silo);
        var batch = new List<RelayedChange>(MaxBatch);
        var reader = target.Queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var change)) batch.Add(change);
            try
            {
                await relay.DeliverAsync(batch.ToArray()).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // A silo that stopped answering is being declared dead; until then its boards miss these and reload.
                LogSendFailed(target.Silo, batch.Count, e.GetType().Name);
            }
            batch.Clear();
        }
    }

    private sealed class Target(SiloAddress silo)
    {
        public SiloAddress Silo { get; } = silo;

        public Channel<RelayedChange> Queue { get; } = Channel.CreateBounded<RelayedChange>(
            new BoundedChannelOptions(MaxBacklog) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
    }

    [LoggerMessage(LogLevel.Information, "Silo {Silo} joined: this silo's pushes and board changes now reach it")]
    private partial void LogJoined(SiloAddress silo);

    [LoggerMessage(LogLevel.Information, "Silo {Silo} left ({Status}): no more is sent to it")]
    private partial void LogLeft(SiloAddress silo, SiloStatus status);

    [LoggerMessage(LogLevel.Warning, "{Count} pushes and board changes could not be delivered to silo {Silo} ({Error})")]
    private partial void LogSendFailed(SiloAddress silo, int count, string error);

    [LoggerMessage(LogLevel.Error, "Following cluster membership failed; pushes no longer reach silos that join")]
    private partial void LogWatchFailed(Exception error);
}
