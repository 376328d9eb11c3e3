using Realtime.Domain.Events;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Quarters;

/// <summary>Passes every call to the in-memory journal and tells the <see cref="InMemoryQuarterLedger"/> what was appended.</summary>
public sealed class LateEventCountingJournal(IEventJournal inner, InMemoryQuarterLedger ledger) : IEventJournal
{
    /// <inheritdoc />
    public async Task<JournalAppendResult> AppendAsync(IReadOnlyList<FloorEvent> batch, CancellationToken cancellationToken = default)
    {
        var result = await inner.AppendAsync(batch, cancellationToken);
        ledger.Appended(result.Accepted);
        return result;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<FloorEvent> ReadAfterAsync(long afterSequence, CancellationToken cancellationToken = default) =>
        inner.ReadAfterAsync(afterSequence, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<FloorEvent> ReadOccurredBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        inner.ReadOccurredBetweenAsync(from, to, cancellationToken);
}
