using System.Collections.Concurrent;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Quarters;

/// <summary>
/// What quarter close needs to know about in-memory ingest: the quarters events fell in, the highest sequence, and
/// events that arrive for a quarter after it closed. Fed by <see cref="LateEventCountingJournal"/>.
/// </summary>
public sealed class InMemoryQuarterLedger(CompanyCalendar calendar)
{
    private readonly ConcurrentDictionary<Quarter, byte> _quarters = new();
    private readonly ConcurrentDictionary<Quarter, long> _late = new();
    private readonly ConcurrentDictionary<Quarter, long> _closedThrough = new();
    private long _highWater;

    /// <summary>The highest sequence appended.</summary>
    public long HighWater => Interlocked.Read(ref _highWater);

    /// <summary>Quarters with at least one event.</summary>
    public IEnumerable<Quarter> Quarters => _quarters.Keys;

    /// <summary>Records appended events.</summary>
    public void Appended(IReadOnlyList<FloorEvent> accepted)
    {
        foreach (var e in accepted)
        {
            var quarter = calendar.QuarterOf(e.OccurredAt);
            _quarters.TryAdd(quarter, 0);
            if (_closedThrough.TryGetValue(quarter, out var through) && e.Sequence > through) _late.AddOrUpdate(quarter, 1, (_, n) => n + 1);
            long seen;
            while ((seen = Interlocked.Read(ref _highWater)) < e.Sequence && Interlocked.CompareExchange(ref _highWater, e.Sequence, seen) != seen)
            {
            }
        }
    }

    /// <summary>From now on, events of <paramref name="quarter"/> after <paramref name="throughSequence"/> are counted as late.</summary>
    public void Closed(Quarter quarter, long throughSequence) => _closedThrough.TryAdd(quarter, throughSequence);

    /// <summary>Late events of <paramref name="quarter"/> counted so far.</summary>
    public long LateEvents(Quarter quarter) => _late.GetValueOrDefault(quarter);
}

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

/// <summary>
/// Closed quarters while the process lives (no database configured): a concurrent dictionary where the first
/// snapshot of a quarter wins. The in-memory journal keeps no event contents, so <see cref="CanReplayJournal"/> is false.
/// </summary>
public sealed class InMemoryQuarterSnapshotStore(InMemoryQuarterLedger ledger) : IQuarterSnapshotStore
{
    private readonly ConcurrentDictionary<Quarter, StoredQuarterSnapshot> _snapshots = new();

    /// <inheritdoc />
    public bool CanReplayJournal => false;

    /// <inheritdoc />
    public Task<StoredQuarterSnapshot> AddAsync(StoredQuarterSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var stored = _snapshots.GetOrAdd(snapshot.Quarter, snapshot);
        ledger.Closed(stored.Quarter, stored.ThroughSequence);
        return Task.FromResult(stored);
    }

    /// <inheritdoc />
    public Task<StoredQuarterSnapshot?> GetAsync(Quarter quarter, CancellationToken cancellationToken = default) =>
        Task.FromResult(_snapshots.GetValueOrDefault(quarter));

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredQuarterSnapshot>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredQuarterSnapshot>>(_snapshots.Values.OrderBy(s => s.Quarter).ToArray());

    /// <inheritdoc />
    public Task<long> JournalHighWaterAsync(CancellationToken cancellationToken = default) => Task.FromResult(ledger.HighWater);

    /// <inheritdoc />
    public Task<long> CountLateEventsAsync(Quarter quarter, DateTimeOffset from, DateTimeOffset to, long throughSequence, CancellationToken cancellationToken = default) =>
        Task.FromResult(ledger.LateEvents(quarter));

    /// <inheritdoc />
    public Task<IReadOnlyList<Quarter>> QuartersWithEventsAsync(CompanyCalendar calendar, Quarter before, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Quarter>>(ledger.Quarters.Where(q => q < before).Order().ToArray());
}
