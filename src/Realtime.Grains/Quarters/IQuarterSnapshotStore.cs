using Realtime.Domain.Calendars;

namespace Realtime.Grains.Quarters;

/// <summary>A closed quarter as stored: the canonical snapshot bytes, their hash, when it was closed and the journal prefix it used.</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="Content">The canonical snapshot bytes (UTF-8 JSON), exactly as hashed.</param>
/// <param name="Hash">Lowercase hex SHA-256 of <paramref name="Content"/>.</param>
/// <param name="ClosedAt">When it was closed (server clock, whole milliseconds).</param>
/// <param name="ThroughSequence">The highest journal sequence the close could see; later events are late.</param>
public sealed record StoredQuarterSnapshot(Quarter Quarter, byte[] Content, string Hash, DateTimeOffset ClosedAt, long ThroughSequence);

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
