namespace Realtime.Grains.Audit;

/// <summary>The access audit without a database: kept while the process lives (the embedded default says so loudly at start).</summary>
public sealed class InMemoryAccessAudit : IAccessAudit
{
    private readonly object _gate = new();
    private readonly List<AccessAuditEntry> _entries = [];

    /// <inheritdoc />
    public Task AppendAsync(AccessAuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_gate) _entries.Add(entry);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AccessAuditEntry>> ReadAsync(DateTimeOffset from, DateTimeOffset to, string? user, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AccessAuditEntry>>(
                [.. _entries.Where(e => e.At >= from && e.At < to && (user is null || e.User == user)).OrderBy(e => e.At).Take(limit)]);
        }
    }

    /// <inheritdoc />
    public Task<long> PurgeBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult((long)_entries.RemoveAll(e => e.At < before));
    }
}
