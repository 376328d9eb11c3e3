using Npgsql;
using NpgsqlTypes;
using Realtime.Grains;
using Realtime.Grains.Persistence;

namespace Realtime.Storage.Postgres;

/// <summary>
/// Grain state in the <c>grain_state</c> table, with optimistic concurrency like Orleans' ADO.NET storage:
/// the etag is the row version, a write is an <c>UPDATE … WHERE version = expected</c> (an <c>INSERT</c>
/// when the writer read nothing), and a write that matches no row is refused with
/// <see cref="InconsistentStateException"/>. Clearing keeps a tombstone row so versions never repeat.
/// </summary>
public sealed class PostgresGrainStorage(NpgsqlDataSource dataSource) : IBatchGrainStateStore
{
    // Inserting over a tombstone is allowed (the reader saw "no state"); over live state it is a conflict.
    private const string InsertSql = """
        INSERT INTO grain_state AS g (grain_type, grain_key, data, version, updated_at) VALUES ($1, $2, $3, 1, now())
        ON CONFLICT (grain_type, grain_key) DO UPDATE SET data = excluded.data, version = g.version + 1, updated_at = now()
            WHERE g.data IS NULL
        RETURNING version
        """;

    private const string UpdateSql = """
        UPDATE grain_state SET data = $3, version = version + 1, updated_at = now()
        WHERE grain_type = $1 AND grain_key = $2 AND version = $4 AND data IS NOT NULL
        RETURNING version
        """;

    private const string ClearSql = """
        UPDATE grain_state SET data = NULL, version = version + 1, updated_at = now()
        WHERE grain_type = $1 AND grain_key = $2 AND version = $3 AND data IS NOT NULL
        """;

    /// <inheritdoc />
    public async Task<StoredGrainState?> ReadAsync(GrainKey id, CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT data, version FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND data IS NOT NULL", connection);
        AddId(command, id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new StoredGrainState(reader.GetFieldValue<byte[]>(0), GrainEtags.Format(reader.GetInt64(1)));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<GrainKey, StoredGrainState>> ReadManyAsync(IReadOnlyCollection<GrainKey> ids, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<GrainKey, StoredGrainState>(ids.Count);
        if (ids.Count == 0) return found;
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT g.grain_type, g.grain_key, g.data, g.version
            FROM unnest($1::text[], $2::text[]) AS k(grain_type, grain_key)
            JOIN grain_state g ON g.grain_type = k.grain_type AND g.grain_key = k.grain_key
            WHERE g.data IS NOT NULL
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids.Select(i => i.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids.Select(i => i.Key).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[new GrainKey(reader.GetString(0), reader.GetString(1))] = new StoredGrainState(reader.GetFieldValue<byte[]>(2), GrainEtags.Format(reader.GetInt64(3)));
        }
        return found;
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(GrainKey id, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        long? newVersion = null;
        if (expectedEtag is null || GrainEtags.TryParse(expectedEtag, out _))
        {
            await using var command = new NpgsqlCommand(expectedEtag is null ? InsertSql : UpdateSql, connection);
            AddId(command, id);
            command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = data, NpgsqlDbType = NpgsqlDbType.Bytea });
            if (expectedEtag is not null && GrainEtags.TryParse(expectedEtag, out var expected))
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected });
            }
            newVersion = (long?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        if (newVersion is { } version) return GrainEtags.Format(version);
        throw new InconsistentStateException(id, expectedEtag, await ReadEtagAsync(connection, null, id, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task ClearAsync(GrainKey id, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        if (expectedEtag is not null && GrainEtags.TryParse(expectedEtag, out var expected))
        {
            await using var command = new NpgsqlCommand(ClearSql, connection);
            AddId(command, id);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected });
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1) return;
        }
        var stored = await ReadEtagAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
        // Clearing what is already absent is what the caller asked for: only a live row it did not know about is a conflict.
        if (expectedEtag is null && stored is null) return;
        throw new InconsistentStateException(id, expectedEtag, stored);
    }

    /// <summary>The current etag of <paramref name="id"/>, null when it has no live state (for conflict messages).</summary>
    internal static async Task<string?> ReadEtagAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, GrainKey id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT version FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND data IS NOT NULL", connection, transaction);
        AddId(command, id);
        var version = (long?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return version is { } v ? GrainEtags.Format(v) : null;
    }

    private static void AddId(NpgsqlCommand command, GrainKey id)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id.Key });
    }
}
