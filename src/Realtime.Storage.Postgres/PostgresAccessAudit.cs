using Npgsql;
using NpgsqlTypes;
using Realtime.Grains.Audit;

namespace Realtime.Storage.Postgres;

/// <summary>The access audit in the append-only <c>access_audit</c> table (migration 0012: a trigger refuses every UPDATE).</summary>
public sealed class PostgresAccessAudit(NpgsqlDataSource dataSource) : IAccessAudit
{
    /// <inheritdoc />
    public async Task AppendAsync(AccessAuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var insert = new NpgsqlCommand("INSERT INTO access_audit (at, user_name, action, resource, reason) VALUES ($1, $2, $3, $4, $5)", connection);
        insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = entry.At.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.User });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Action });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Resource });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.Reason ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AccessAuditEntry>> ReadAsync(DateTimeOffset from, DateTimeOffset to, string? user, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var query = new NpgsqlCommand(
            "SELECT at, user_name, action, resource, reason FROM access_audit WHERE at >= $1 AND at < $2 AND ($3::text IS NULL OR user_name = $3) ORDER BY at, id LIMIT $4", connection);
        query.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        query.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = to.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        query.Parameters.Add(new NpgsqlParameter { Value = (object?)user ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        query.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var entries = new List<AccessAuditEntry>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AccessAuditEntry(
                new DateTimeOffset(reader.GetFieldValue<DateTime>(0), TimeSpan.Zero), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return entries;
    }

    /// <inheritdoc />
    public async Task<long> PurgeBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var delete = new NpgsqlCommand("DELETE FROM access_audit WHERE at < $1", connection);
        delete.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = before.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
