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
