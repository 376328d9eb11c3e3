using Realtime.Domain.Calendars;

namespace Realtime.Grains.Quarters;

/// <summary>
/// Append-only storage of closed quarters, plus the few journal facts quarter close needs. There is no update or
/// delete: the first snapshot stored for a quarter is the snapshot for ever.
/// </summary>
public interface IQuarterSnapshotStore
{
    /// <summary>True when the journal keeps event contents, so a snapshot can be computed and verified from it (PostgreSQL).</summary>
    bool CanReplayJournal { get; }

    /// <summary>Stores <paramref name="snapshot"/> unless its quarter is already stored; returns what is stored now (the first one wins).</summary>
    Task<StoredQuarterSnapshot> AddAsync(StoredQuarterSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>The stored snapshot of <paramref name="quarter"/>, or null when it is not closed.</summary>
    Task<StoredQuarterSnapshot?> GetAsync(Quarter quarter, CancellationToken cancellationToken = default);

    /// <summary>Every stored snapshot, oldest quarter first.</summary>
    Task<IReadOnlyList<StoredQuarterSnapshot>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The highest journal sequence now (every event at or below it is committed).</summary>
    Task<long> JournalHighWaterAsync(CancellationToken cancellationToken = default);

    /// <summary>Journaled events with <c>occurredAt</c> in [<paramref name="from"/>, <paramref name="to"/>) that arrived after sequence <paramref name="throughSequence"/>.</summary>
    Task<long> CountLateEventsAsync(Quarter quarter, DateTimeOffset from, DateTimeOffset to, long throughSequence, CancellationToken cancellationToken = default);

    /// <summary>The quarters before <paramref name="before"/> (in <paramref name="calendar"/>) that hold at least one journaled event, oldest first.</summary>
    Task<IReadOnlyList<Quarter>> QuartersWithEventsAsync(CompanyCalendar calendar, Quarter before, CancellationToken cancellationToken = default);
}
