using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Realtime.Domain.Events;
using Realtime.Grains.Diagnostics;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Ingest;


/// <summary>
/// The single path every event takes: requests queue their batches; one writer journals whatever has queued up in
/// one append (group commit: one transaction for many requests, each batch still all-or-nothing), then hands the new
/// events to their grains in sequence order, and answers each request once its events are durable and applied.
/// One writer also gives one total order, so each grain sees its events in journal order.
/// </summary>
public sealed partial class IngestPipeline(IEventJournal journal, FloorEventRouter router, ILogger<IngestPipeline> log) : BackgroundService, IAppliedWatermark
{
    /// <summary>Most events journaled in one group commit.</summary>
    public const int MaxEventsPerCommit = 20_000;

    /// <summary>Events replayed per batch during recovery.</summary>
    public const int ReplayBatchSize = 5_000;

    private readonly Channel<PendingBatch> _queue = Channel.CreateBounded<PendingBatch>(new BoundedChannelOptions(256) { SingleReader = true });
    private readonly object _gate = new();
    private readonly LinkedList<(long LastSequence, bool Done)> _inFlight = new();
    private long _appliedThrough;

    /// <inheritdoc />
    public long AppliedThrough => Interlocked.Read(ref _appliedThrough);

    /// <summary>Whether this silo's pipeline has been the floor's writer (its watermark is then the cluster's, or was when it stopped).</summary>
    public bool HasWritten { get; private set; }

    /// <summary>Journals <paramref name="events"/> (all or nothing) and applies the new ones; completes when they are durable and applied.</summary>
    /// <exception cref="Exception">The journal could not store the batch: nothing of it was acknowledged.</exception>
    public async Task<IngestResult> SubmitAsync(IReadOnlyList<FloorEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return new IngestResult(0, 0);
        var pending = new PendingBatch(events);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task;
    }

    /// <summary>Applies already-journaled events (recovery replay) through the same ordered path, without journaling them again.</summary>
    public Task ReplayAsync(IReadOnlyList<FloorEvent> journaled)
    {
        var pending = new PendingBatch(journaled) { AlreadyJournaled = true };
        return EnqueueAsync(pending);
    }

    private async Task EnqueueAsync(PendingBatch pending)
    {
        await _queue.Writer.WriteAsync(pending);
        await pending.Completion.Task;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // A new list each time: the completion of this group runs after the loop has moved on.
                var group = new List<PendingBatch>();
                var count = 0;
                while (count < MaxEventsPerCommit && _queue.Reader.TryPeek(out var next) && (group.Count == 0 || next.AlreadyJournaled == group[0].AlreadyJournaled))
                {
                    _queue.Reader.TryRead(out next);
                    group.Add(next!);
                    count += next!.Events.Count;
                }
                try
                {
                    await CommitAndDispatchAsync(group);
                }
                catch (Exception e)
                {
                    // The loop must outlive any bug below it: fail this group's requests, keep serving the rest.
                    LogGroupFailed(e, group.Count);
                    foreach (var b in group) b.Completion.TrySetException(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        while (_queue.Reader.TryRead(out var left)) left.Completion.TrySetException(new OperationCanceledException("The server is stopping."));
    }

    private async Task CommitAndDispatchAsync(List<PendingBatch> group)
    {
        IReadOnlyList<FloorEvent> accepted;
        IReadOnlyList<FloorEvent> conflicts = [];
        if (group[0].AlreadyJournaled)
        {
            accepted = group.SelectMany(b => b.Events).ToList();
        }
        else
        {
            try
            {
                var combined = group.Count == 1 ? group[0].Events : group.SelectMany(b => b.Events).ToList();
                var started = TimeProvider.System.GetTimestamp();
                var appended = await journal.AppendAsync(combined);
                RealtimeMetrics.CommitDuration.Record(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
                accepted = appended.Accepted;
                conflicts = appended.Conflicts;
            }
            catch (Exception e)
            {
                LogJournalFailed(e, group.Sum(b => b.Events.Count));
                foreach (var b in group) b.Completion.TrySetException(new JournalUnavailableException(e));
                return;
            }
        }
        var perBatch = SplitAccepted(group, accepted);
        if (conflicts.Count > 0)
        {
            var conflicting = conflicts.ToHashSet(ReferenceEqualityComparer.Instance);
            foreach (var b in group) b.Conflicts = [.. b.Events.Where(conflicting.Contains)];
        }
        if (accepted.Count == 0)
        {
            for (var i = 0; i < group.Count; i++) group[i].Complete(perBatch[i]);
            return;
        }
        var last = accepted[^1].Sequence;
        LinkedListNode<(long, bool)> node;
        lock (_gate) node = _inFlight.AddLast((last, false));
        var applied = DispatchUntilAppliedAsync(accepted);
        _ = applied.ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                // Journaled but not applied: not acknowledged, and the watermark stays below them, so the next start (or a
                // failover) replays them. The requests are told so.
                LogApplyFailed(t.Exception!.GetBaseException(), accepted.Count);
                for (var i = 0; i < group.Count; i++) group[i].Completion.TrySetResult(new IngestResult(0, 0, ApplyProblem: t.Exception.GetBaseException().Message));
                return;
            }
            if (!group[0].AlreadyJournaled) RealtimeMetrics.EventsIngested.Add(accepted.Count);
            MarkApplied(node);
            for (var i = 0; i < group.Count; i++) group[i].Complete(perBatch[i]);
        }, TaskScheduler.Default);
    }

    /// <summary>
    /// Hands journaled events to their grains; when a grain cannot be reached because a silo just died (its activations are
    /// being moved), hands them again until they are applied: an event is acknowledged only once applied, and grains drop
    /// what they already hold. Gives up (and fails the group) after <see cref="MaxApplyRetry"/>.
    /// </summary>
    private async Task DispatchUntilAppliedAsync(IReadOnlyList<FloorEvent> events)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await router.DispatchAsync(events);
                return;
            }
            catch (Exception e) when (IsTransient(e) && TimeProvider.System.GetElapsedTime(started) < MaxApplyRetry)
            {
                if (attempt == 1) LogApplyRetrying(e.GetType().Name, events.Count);
                await Task.Delay(ApplyRetryPause);
            }
        }
    }

    // A silo that died or is leaving: the cluster moves its grains within seconds.
    private static bool IsTransient(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
        || (e is AggregateException aggregate && aggregate.InnerExceptions.All(IsTransient))
        || (e.InnerException is { } inner && IsTransient(inner));

    /// <summary>How long events are handed to their grains again while a silo's death is being settled.</summary>
    public static readonly TimeSpan MaxApplyRetry = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan ApplyRetryPause = TimeSpan.FromMilliseconds(250);

    /// <summary>How many of each batch's events were accepted (the journal returns accepted events in combined order).</summary>
    private static int[] SplitAccepted(List<PendingBatch> group, IReadOnlyList<FloorEvent> accepted)
    {
        var counts = new int[group.Count];
        var next = 0;
        for (var i = 0; i < group.Count; i++)
        {
            foreach (var e in group[i].Events)
            {
                if (next < accepted.Count && accepted[next].Id == e.Id)
                {
                    counts[i]++;
                    next++;
                }
            }
        }
        return counts;
    }

    private void MarkApplied(LinkedListNode<(long LastSequence, bool Done)> node)
    {
        lock (_gate)
        {
            node.Value = (node.Value.LastSequence, true);
            while (_inFlight.First is { Value.Done: true } first)
            {
                Interlocked.Exchange(ref _appliedThrough, first.Value.LastSequence);
                _inFlight.RemoveFirst();
            }
        }
    }

    /// <summary>Sets the watermark at start-up to the last checkpoint's (everything up to it is in the stored states).</summary>
    public void StartFrom(long appliedThrough)
    {
        Interlocked.Exchange(ref _appliedThrough, appliedThrough);
        HasWritten = true;
    }

    /// <summary>Replays the journal after <paramref name="afterSequence"/> through the ordered path; returns how many events it replayed.</summary>
    public async Task<int> ReplayJournalAsync(long afterSequence, CancellationToken cancellationToken = default)
    {
        var replayed = 0;
        var batch = new List<FloorEvent>(ReplayBatchSize);
        await foreach (var e in journal.ReadAfterAsync(afterSequence, cancellationToken))
        {
            batch.Add(e);
            if (batch.Count < ReplayBatchSize) continue;
            await ReplayAsync(batch);
            replayed += batch.Count;
            batch = new List<FloorEvent>(ReplayBatchSize);
        }
        if (batch.Count > 0) await ReplayAsync(batch);
        return replayed + batch.Count;
    }

    private sealed class PendingBatch(IReadOnlyList<FloorEvent> events)
    {
        public IReadOnlyList<FloorEvent> Events { get; } = events;
        public bool AlreadyJournaled { get; init; }
        public IReadOnlyList<FloorEvent> Conflicts { get; set; } = [];
        public TaskCompletionSource<IngestResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Complete(int accepted) => Completion.TrySetResult(new IngestResult(accepted, Events.Count - accepted) { Conflicts = Conflicts });
    }

    [LoggerMessage(LogLevel.Error, "Journal append of {Count} events failed; nothing of it was acknowledged")]
    private partial void LogJournalFailed(Exception error, int count);

    [LoggerMessage(LogLevel.Critical, "Ingest of {Count} batches failed unexpectedly")]
    private partial void LogGroupFailed(Exception error, int count);

    [LoggerMessage(LogLevel.Warning, "Applying {Count} journaled events reached a silo that is gone ({Error}); handing them to their grains again")]
    private partial void LogApplyRetrying(string error, int count);

    [LoggerMessage(LogLevel.Error, "Applying {Count} journaled events failed in a grain; they were not acknowledged and are replayed at the next start")]
    private partial void LogApplyFailed(Exception error, int count);
}
