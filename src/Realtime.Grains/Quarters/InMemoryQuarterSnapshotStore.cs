using System.Collections.Concurrent;
using Realtime.Domain.Calendars;

namespace Realtime.Grains.Quarters;

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
