namespace Realtime.Grains.Audit;

/// <summary>
/// The access audit: append-only (entries are never changed), read by time and user, purged only past the retention period
/// (PIPL and the follow-up policy keep records 5 years).
/// </summary>
public interface IAccessAudit
{
    /// <summary>Appends <paramref name="entry"/>; durable when the task completes (on PostgreSQL: committed).</summary>
    Task AppendAsync(AccessAuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Entries with <c>At</c> in [<paramref name="from"/>, <paramref name="to"/>), of <paramref name="user"/> when given, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AccessAuditEntry>> ReadAsync(DateTimeOffset from, DateTimeOffset to, string? user, int limit, CancellationToken cancellationToken = default);

    /// <summary>Removes the entries older than <paramref name="before"/> (retention); returns how many.</summary>
    Task<long> PurgeBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
