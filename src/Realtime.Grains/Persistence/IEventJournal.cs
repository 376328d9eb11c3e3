using Realtime.Domain.Events;

namespace Realtime.Grains.Persistence;

/// <summary>
/// The event journal: every accepted event, once, by id, for all time. Appending a batch is all or
/// nothing; when the returned task completes the batch is durable (on PostgreSQL: committed).
/// </summary>
public interface IEventJournal
{
    /// <summary>Stores the new events of <paramref name="batch"/> in one transaction and assigns their arrival sequence.</summary>
    Task<JournalAppendResult> AppendAsync(IReadOnlyList<FloorEvent> batch, CancellationToken cancellationToken = default);

    /// <summary>Every journaled event with sequence greater than <paramref name="afterSequence"/>, in sequence order.</summary>
    IAsyncEnumerable<FloorEvent> ReadAfterAsync(long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>Every journaled event with <see cref="FloorEvent.OccurredAt"/> in [<paramref name="from"/>, <paramref name="to"/>), in sequence order.</summary>
    IAsyncEnumerable<FloorEvent> ReadOccurredBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
