using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Realtime.Domain.Events;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Persistence;

/// <summary>
/// The journal when no database is configured: it remembers every event id (duplicates stay duplicates while the
/// process lives) but not the events themselves, so nothing can be replayed or recomputed from it.
/// </summary>
public sealed class InMemoryEventJournal : IEventJournal
{
    private readonly object _gate = new();
    // Each id with its event's hash: enough to tell a redelivery from a different event reusing the id (a hash collision
    // would only miss the report, never drop a new event). Record hashes are per process, as is this journal.
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private long _sequence;

    /// <inheritdoc />
    public Task<JournalAppendResult> AppendAsync(IReadOnlyList<FloorEvent> batch, CancellationToken cancellationToken = default)
    {
        var accepted = new List<FloorEvent>(batch.Count);
        List<FloorEvent>? conflicts = null;
        lock (_gate)
        {
            foreach (var e in batch)
            {
                var hash = (e.Sequence == 0 ? e : e with { Sequence = 0 }).GetHashCode();
                if (_ids.TryAdd(e.Id, hash)) accepted.Add(e with { Sequence = ++_sequence });
                else if (_ids[e.Id] != hash) (conflicts ??= []).Add(e);
            }
        }
        return Task.FromResult(new JournalAppendResult(accepted, batch.Count - accepted.Count) { Conflicts = conflicts ?? [] });
    }

    /// <inheritdoc />
    public IAsyncEnumerable<FloorEvent> ReadAfterAsync(long afterSequence, CancellationToken cancellationToken = default) => Empty();

    /// <inheritdoc />
    public IAsyncEnumerable<FloorEvent> ReadOccurredBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) => Empty();

    private static async IAsyncEnumerable<FloorEvent> Empty([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}

/// <summary>Checkpoints into an in-memory <see cref="IGrainStateStore"/>, so grains can leave memory and come back with their state while the process lives.</summary>
public sealed class InMemoryCheckpointStore(IGrainStateStore storage) : ICheckpointStore, IDeadlineIndex
{
    private readonly ConcurrentDictionary<GrainKey, Deadline> _deadlines = new();
    private long _applied;

    /// <inheritdoc />
    public Task<long> ReadAppliedSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(Interlocked.Read(ref _applied));

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> WriteCheckpointAsync(IReadOnlyList<GrainStateWrite> states, IReadOnlyCollection<Deadline> deadlines, long appliedSequence, CancellationToken cancellationToken = default)
    {
        var etags = new List<string>(states.Count);
        foreach (var s in states) etags.Add(await storage.WriteAsync(s.Id, s.Data, s.ExpectedEtag, cancellationToken));
        await SetAsync(deadlines, cancellationToken);
        Interlocked.Exchange(ref _applied, appliedSequence);
        return etags;
    }

    /// <inheritdoc />
    public Task SetAsync(IReadOnlyCollection<Deadline> deadlines, CancellationToken cancellationToken = default)
    {
        foreach (var d in deadlines)
        {
            if (d.IsEmpty) _deadlines.TryRemove(d.Grain, out _);
            else _deadlines[d.Grain] = d;
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Deadline> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var entry in _deadlines.Values) yield return entry;
    }
}
