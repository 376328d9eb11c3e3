using Npgsql;
using NpgsqlTypes;
using Realtime.Domain.Calendars;
using Realtime.Grains.Quarters;

namespace Realtime.Storage.Postgres;

/// <summary>
/// Closed quarters in the append-only <c>quarter_snapshots</c> table (migration 0002): INSERT … ON CONFLICT DO NOTHING,
/// never UPDATE or DELETE. Also answers the journal questions quarter close asks (high water, late events, quarters with events).
/// </summary>
public sealed class PostgresQuarterSnapshotStore(NpgsqlDataSource dataSource) : IQuarterSnapshotStore
{
    private const string Columns = "quarter, content, hash, closed_at, through_seq";

    /// <inheritdoc />
    public bool CanReplayJournal => true;

    /// <inheritdoc />
    public async Task<StoredQuarterSnapshot> AddAsync(StoredQuarterSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using (var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false))
        await using (var insert = new NpgsqlCommand($"INSERT INTO quarter_snapshots ({Columns}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (quarter) DO NOTHING", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.Quarter.ToString() });
            insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = snapshot.Content, NpgsqlDbType = NpgsqlDbType.Bytea });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.Hash });
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = snapshot.ClosedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.ThroughSequence });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await GetAsync(snapshot.Quarter, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The snapshot of {snapshot.Quarter} vanished after it was stored.");
    }

    /// <inheritdoc />
    public async Task<StoredQuarterSnapshot?> GetAsync(Quarter quarter, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM quarter_snapshots WHERE quarter = $1", quarter.ToString(), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredQuarterSnapshot>> ListAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Columns} FROM quarter_snapshots ORDER BY quarter", null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<long> JournalHighWaterAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT coalesce(max(seq), 0) FROM journal", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<long> CountLateEventsAsync(Quarter quarter, DateTimeOffset from, DateTimeOffset to, long throughSequence, CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM journal WHERE occurred_at >= $1 AND occurred_at < $2 AND seq > $3", connection);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = to.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = throughSequence });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Quarter>> QuartersWithEventsAsync(CompanyCalendar calendar, Quarter before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? earliest;
        await using (var min = new NpgsqlCommand("SELECT min(occurred_at) FROM journal", connection))
        {
            earliest = await min.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime first ? new DateTimeOffset(first, TimeSpan.Zero) : null;
        }

        var quarters = new List<Quarter>();
        if (earliest is not { } start) return quarters;
        // One index probe per quarter; records are kept 5 years, so this is at most a few dozen probes.
        for (var quarter = calendar.QuarterOf(start); quarter < before; quarter = quarter.Next())
        {
            await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM journal WHERE occurred_at >= $1 AND occurred_at < $2)", connection);
            exists.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = quarter.Start(calendar).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            exists.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = quarter.End(calendar).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!) quarters.Add(quarter);
        }

        return quarters;
    }

    private async Task<List<StoredQuarterSnapshot>> QueryAsync(string sql, string? quarter, CancellationToken cancellationToken)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        if (quarter is not null) command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = quarter });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<StoredQuarterSnapshot>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StoredQuarterSnapshot(
                Quarter.Parse(reader.GetString(0)),
                reader.GetFieldValue<byte[]>(1),
                reader.GetString(2),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(3).ToUniversalTime(), TimeSpan.Zero),
                reader.GetInt64(4)));
        }

        return rows;
    }
}
