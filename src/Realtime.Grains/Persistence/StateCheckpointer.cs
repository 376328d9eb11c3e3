using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Persistence;

/// <summary>
/// Group-commits staged grain states, their deadlines and the applied watermark through an <see cref="ICheckpointStore"/>.
/// Etags of grains in memory are tracked here, since only this class writes their state.
/// </summary>
public sealed partial class StateCheckpointer(
    IGrainStateStore storage,
    ICheckpointStore store,
    ICheckpointCoordinator coordinator,
    IOptions<CheckpointOptions> options,
    ILogger<StateCheckpointer> log) : BackgroundService, IStateCheckpointer
{
    private readonly object _gate = new();
    // Concurrent, so neither loads nor the checkpoint's write list hold the staging lock that every grain turn takes.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<GrainKey, string?> _etags = new();
    // A burst of new grains must not open a storage connection each at once.
    private readonly SemaphoreSlim _loads = new(CheckpointOptions.MaxConcurrentLoads);
    // Storage that reads many grains at once gets their reads coalesced instead.
    private readonly BatchedStateReader? _batchedReads = storage is IBatchGrainStateStore batch ? new BatchedStateReader(batch) : null;
    private Dictionary<GrainKey, Staged> _staged = [];
    // Grains holding changes not staged yet (deferred staging), with the first such journal sequence (0: facts only):
    // the watermark stays below it, and a checkpoint makes them stage before it writes.
    private readonly Dictionary<GrainKey, Unstaged> _unstaged = [];
    private TaskCompletionSource _nextCommit = NewSignal();
    // The commit of the states taken by the checkpoint being written (they are no longer in _staged, not yet durable).
    private Task _inFlight = Task.CompletedTask;
    // Those states, by grain (guarded by _gate; null when no checkpoint is being written).
    private Dictionary<GrainKey, Staged>? _writing;
    private TaskCompletionSource _wake = NewSignal();
    private bool _stopped;
    // Grains that left memory while their last state was staged or being written (guarded by _gate): their etags are
    // forgotten once that state is durable, unless they came back first.
    private readonly HashSet<GrainKey> _released = [];
    // States read ahead of a deadline's activation (Prefetch) until that activation takes them (guarded by _gate). A stage
    // drops the grain's read (it holds an older state); one nobody takes is dropped after PrefetchLifetime.
    private readonly Dictionary<GrainKey, ReadAhead> _prefetched = [];
    // In the order they expire; the queue holds no state, so a read taken by its grain is garbage at once.
    private readonly Queue<(long ExpiresAt, GrainKey Grain)> _prefetchExpiry = new();
    // What a read ahead that failed answers: the activation then reads for itself.
    private static readonly StoredGrainState NotRead = new(ReadOnlyMemory<byte>.Empty, "");

    private sealed record ReadAhead(Task<StoredGrainState?> Read, long ExpiresAt);

    private sealed record Staged(ReadOnlyMemory<byte> Data, DateTimeOffset? Deadline, byte[]? Summary);

    private sealed class Unstaged(long firstSequence, Action stageNow)
    {
        public long FirstSequence { get; set; } = firstSequence;
        public Action StageNow { get; } = stageNow;
        public TaskCompletionSource HasStaged { get; } = NewSignal();
    }

    /// <summary>How long a checkpoint waits for a deferring grain to stage before it writes without it (a bug; logged).</summary>
    public static readonly TimeSpan StageRequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a state read ahead (<see cref="Prefetch"/>) waits for its grain's activation before it is dropped.</summary>
    public static readonly TimeSpan PrefetchLifetime = TimeSpan.FromSeconds(10);

    /// <summary>Grain states staged and not yet written.</summary>
    public int PendingCount
    {
        get { lock (_gate) return _staged.Count; }
    }

    /// <inheritdoc />
    public async Task<ReadOnlyMemory<byte>?> LoadAsync(GrainKey grain, CancellationToken cancellationToken = default)
    {
        // Loads run in the grain's first turn, so calls queued behind it keep their order while a load is retried:
        // a grain never applies a later event before an earlier one just because storage was briefly unavailable.
        // A grain that left memory before its last state was written comes back with that state (read your writes): its
        // etag stays the one the pending write will replace.
        Task<StoredGrainState?>? readAhead;
        lock (_gate)
        {
            if (_staged.TryGetValue(grain, out var staged) || _writing?.TryGetValue(grain, out staged) == true)
            {
                _released.Remove(grain);
                return staged!.Data;
            }
            readAhead = _prefetched.Remove(grain, out var ahead) ? ahead.Read : null;
        }
        if (readAhead is not null && await readAhead.WaitAsync(cancellationToken) is var read && !ReferenceEquals(read, NotRead))
        {
            _etags[grain] = read?.Etag;
            return read?.Data;
        }
        var delay = TimeSpan.FromMilliseconds(50);
        var attempt = 0;
        while (true)
        {
            var bounded = _batchedReads is null;
            if (bounded) await _loads.WaitAsync(cancellationToken);
            try
            {
                var stored = await ReadStoredAsync(grain, cancellationToken);
                _etags[grain] = stored?.Etag;
                return stored?.Data;
            }
            catch (Exception e) when (e is not (OperationCanceledException or ObjectDisposedException) && ++attempt < CheckpointOptions.MaxLoadAttempts)
            {
                LogLoadRetry(e, grain, delay.TotalMilliseconds);
            }
            finally
            {
                if (bounded) _loads.Release();
            }
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2_000));
        }
    }

    /// <inheritdoc />
    public void Prefetch(GrainKey grain)
    {
        // Nothing to read for a grain in memory (its etag is known) or whose latest state is staged or being written: an
        // activation would take that state, and a read now could return an older one.
        if (_etags.ContainsKey(grain)) return;
        var now = Environment.TickCount64;
        lock (_gate)
        {
            while (_prefetchExpiry.TryPeek(out var oldest) && oldest.ExpiresAt <= now)
            {
                _prefetchExpiry.Dequeue();
                if (_prefetched.TryGetValue(oldest.Grain, out var expired) && expired.ExpiresAt <= now) _prefetched.Remove(oldest.Grain);
            }
            if (_staged.ContainsKey(grain) || _writing?.ContainsKey(grain) == true || _prefetched.ContainsKey(grain)) return;
            var expiresAt = now + (long)PrefetchLifetime.TotalMilliseconds;
            _prefetched[grain] = new ReadAhead(ReadAheadAsync(grain), expiresAt);
            _prefetchExpiry.Enqueue((expiresAt, grain));
        }
    }

    private Task<StoredGrainState?> ReadStoredAsync(GrainKey grain, CancellationToken cancellationToken) =>
        _batchedReads is { } reads ? reads.ReadAsync(grain, cancellationToken) : storage.ReadAsync(grain, cancellationToken);

    private async Task<StoredGrainState?> ReadAheadAsync(GrainKey grain)
    {
        try
        {
            return await ReadStoredAsync(grain, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Only a head start is lost: the activation reads again, with its retries.
            LogReadAheadFailed(e, grain);
            return NotRead;
        }
    }

    /// <inheritdoc />
    public void Stage(GrainKey grain, ReadOnlyMemory<byte> state, DateTimeOffset? nextDeadline, byte[]? summary = null)
    {
        lock (_gate)
        {
            if (_prefetched.Count > 0) _prefetched.Remove(grain);
            _staged[grain] = new Staged(state, nextDeadline, summary);
            if (_unstaged.Remove(grain, out var unstaged)) unstaged.HasStaged.TrySetResult();
        }
    }

    /// <inheritdoc />
    public void MarkUnstaged(GrainKey grain, long firstSequence, Action stageNow)
    {
        lock (_gate)
        {
            if (!_unstaged.TryGetValue(grain, out var unstaged)) _unstaged[grain] = new Unstaged(firstSequence, stageNow);
            else if (firstSequence > 0 && (unstaged.FirstSequence == 0 || firstSequence < unstaged.FirstSequence)) unstaged.FirstSequence = firstSequence;
        }
    }

    /// <inheritdoc />
    public Task FlushAsync()
    {
        Task commit;
        lock (_gate)
        {
            if (_stopped) return Task.CompletedTask;
            // Nothing staged or waiting to stage: what was staged before may still be on its way to storage.
            if (_staged.Count == 0 && _unstaged.Count == 0) return _inFlight;
            commit = _nextCommit.Task;
        }
        _wake.TrySetResult();
        return commit;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(GrainKey grain)
    {
        // The grain leaves at once; its last state, staged or being written, is already bytes held here, and a load before
        // it is durable returns it. Waiting for the commit instead kept every complaint a burst of breaches woke in memory
        // for a second or more, long enough for the collector to copy it into an older generation, and those copies were
        // most of the pauses behind the alert tail.
        lock (_gate)
        {
            if (_staged.ContainsKey(grain) || _writing?.ContainsKey(grain) == true) _released.Add(grain);
            else _etags.TryRemove(grain, out _);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        while (true)
        {
            var wake = _wake.Task;
            try
            {
                await wake.WaitAsync(interval, stoppingToken);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                break;
            }
            _wake = NewSignal();
            await CheckpointOnceAsync(stoppingToken);
        }
        // Shutdown: one last checkpoint so a clean stop needs no replay. Later flushes have nothing to wait for:
        // whatever is staged after this is replayed from the journal at the next start.
        await CheckpointOnceAsync(CancellationToken.None);
        TaskCompletionSource last;
        lock (_gate)
        {
            _stopped = true;
            last = _nextCommit;
        }
        last.TrySetResult();
    }

    /// <summary>Writes everything staged so far; returns false when the store failed (the states stay staged).</summary>
    public async Task<bool> CheckpointOnceAsync(CancellationToken cancellationToken)
    {
        var idle = false;
        // Read the watermark before taking the staged states: a grain stages before its batch counts as applied.
        var watermark = await coordinator.BeginAsync(cancellationToken);
        var applied = watermark.AppliedThrough;
        lock (_gate)
        {
            if (_staged.Count == 0 && _unstaged.Count == 0 && _writing is null)
            {
                // Nothing to write: whatever this silo's grains applied up to the watermark is durable, which the other
                // silos' checkpoints must hear, or an idle silo would hold the stored watermark back for good.
                var waiting = _nextCommit;
                _nextCommit = NewSignal();
                waiting.TrySetResult();
                idle = true;
            }
        }
        if (idle)
        {
            await coordinator.EndAsync(applied, 0, cancellationToken);
            return true;
        }
        Dictionary<GrainKey, Staged> batch;
        TaskCompletionSource committed;
        List<GrainStateWrite> writes;
        List<KeyValuePair<GrainKey, Unstaged>>? barrier;
        lock (_gate)
        {
            // Nothing staged or waiting to stage, nothing to write (replaying events that changed no state is harmless);
            // whoever waits for a commit (e.g. after a stale state was dropped) has nothing left to wait for. Grains that
            // defer staging stage only when a checkpoint asks, so their changes alone are reason enough for one.
            if (_staged.Count == 0 && _unstaged.Count == 0)
            {
                var waiting = _nextCommit;
                _nextCommit = NewSignal();
                waiting.TrySetResult();
                return true;
            }
            // Events a grain applied but has not staged yet must be replayed after a crash: keep the watermark below them.
            foreach (var unstaged in _unstaged.Values)
            {
                if (unstaged.FirstSequence > 0) applied = Math.Min(applied, unstaged.FirstSequence - 1);
            }
            batch = _staged;
            _staged = [];
            _writing = batch;
            committed = _nextCommit;
            _nextCommit = NewSignal();
            _inFlight = committed.Task;
            barrier = _unstaged.Count == 0 ? null : _unstaged.ToList();
        }
        if (barrier is not null) await StageDeferredAsync(barrier, batch);
        writes = new List<GrainStateWrite>(batch.Count);
        foreach (var (id, staged) in batch) writes.Add(new GrainStateWrite(id, staged.Data, _etags.GetValueOrDefault(id)));
        var holder = coordinator.Holder;
        var deadlines = batch.Select(p => new Deadline(p.Key, p.Value.Deadline, p.Value.Summary, holder)).ToList();
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var stored = Math.Min(applied, watermark.OthersCheckpointedThrough);
            var etags = await store.WriteCheckpointAsync(writes, deadlines, stored, cancellationToken);
            LogCheckpointWritten(writes.Count, barrier?.Count ?? 0, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            // Before the commit completes: a grain released after it finds its etag current.
            for (var i = 0; i < writes.Count; i++) _etags[writes[i].Id] = etags[i];
            lock (_gate)
            {
                _writing = null;
                if (_released.Count > 0) ForgetReleased(writes);
            }
            committed.TrySetResult();
            await coordinator.EndAsync(applied, stored, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var conflict = e as InconsistentStateException;
            // Another writer owns a conflicting grain now; keep the others and say so loudly.
            if (conflict is not null) LogStaleState(conflict.GrainKey, conflict);
            else LogCheckpointFailed(e, batch.Count);
            lock (_gate)
            {
                if (conflict is not null)
                {
                    batch.Remove(conflict.GrainKey);
                    if (_released.Remove(conflict.GrainKey)) _etags.TryRemove(conflict.GrainKey, out _);
                }
                _writing = null;
                foreach (var (id, staged) in batch) _staged.TryAdd(id, staged);
                // Whoever waited for this commit now waits for the next.
                _nextCommit.Task.ContinueWith(t => committed.TrySetResult(), TaskScheduler.Default);
            }
            _wake.TrySetResult();
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            return false;
        }
    }

    /// <summary>Forgets the etags of grains that left memory and whose last state is now durable (called under the gate).</summary>
    private void ForgetReleased(List<GrainStateWrite> written)
    {
        foreach (var write in written)
        {
            if (!_staged.ContainsKey(write.Id) && _released.Remove(write.Id)) _etags.TryRemove(write.Id, out _);
        }
    }

    /// <summary>
    /// The states taken for this checkpoint may record facts told to grains that defer staging them: those grains stage
    /// now, and their states join this checkpoint (newer than the facts; anything they hold beyond is harmless, as
    /// replays are deduplicated).
    /// </summary>
    private async Task StageDeferredAsync(List<KeyValuePair<GrainKey, Unstaged>> barrier, Dictionary<GrainKey, Staged> batch)
    {
        foreach (var (_, unstaged) in barrier) unstaged.StageNow();
        try
        {
            await Task.WhenAll(barrier.Select(p => p.Value.HasStaged.Task)).WaitAsync(StageRequestTimeout);
        }
        catch (TimeoutException)
        {
            LogStageRequestTimedOut(barrier.Count(p => !p.Value.HasStaged.Task.IsCompleted), StageRequestTimeout.TotalSeconds);
        }
        lock (_gate)
        {
            foreach (var (grain, _) in barrier)
            {
                if (_staged.Remove(grain, out var staged)) batch[grain] = staged;
            }
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _batchedReads?.Dispose();
        base.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(LogLevel.Debug, "Checkpoint of {Count} grain states ({Deferred} grains asked to stage first) written in {WriteMs} ms")]
    private partial void LogCheckpointWritten(int count, int deferred, double writeMs);

    [LoggerMessage(LogLevel.Error, "Checkpoint of {Count} grain states failed; they stay staged and will be retried")]
    private partial void LogCheckpointFailed(Exception error, int count);

    [LoggerMessage(LogLevel.Debug, "Reading the state of {Grain} ahead of its deadline failed; its activation reads it")]
    private partial void LogReadAheadFailed(Exception error, GrainKey grain);

    [LoggerMessage(LogLevel.Warning, "Loading the state of {Grain} failed; retrying in {DelayMs} ms")]
    private partial void LogLoadRetry(Exception error, GrainKey grain, double delayMs);

    [LoggerMessage(LogLevel.Critical, "{Count} grains did not stage their deferred changes within {Seconds} s; the checkpoint is written without them")]
    private partial void LogStageRequestTimedOut(int count, double seconds);

    [LoggerMessage(LogLevel.Critical, "Grain {Grain} was written by another writer; its staged state is dropped")]
    private partial void LogStaleState(GrainKey grain, Exception error);
}
