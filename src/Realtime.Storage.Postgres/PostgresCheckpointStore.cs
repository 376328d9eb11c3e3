using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;
using Realtime.Grains;
using Realtime.Grains.Persistence;

namespace Realtime.Storage.Postgres;

/// <summary>
/// Write-behind checkpoints: many grain states (each etag-checked), many deadlines and the applied
/// watermark W, in one transaction. W means every journal event with sequence ≤ W is reflected in the
/// persisted states, so a restart replays only the journal after W. A stale etag anywhere rolls the
/// whole checkpoint back, watermark included: persisted state and W never disagree.
/// </summary>
public sealed class PostgresCheckpointStore(NpgsqlDataSource dataSource) : ICheckpointStore
{
    // Rows whose expected etag is null: insert, or revive a tombstone; live state is a conflict.
    private const string InsertStatesSql = """
        INSERT INTO grain_state AS g (grain_type, grain_key, data, version, updated_at)
        SELECT t, k, d, 1, now() FROM unnest($1::text[], $2::text[], $3::bytea[]) AS u(t, k, d)
        ON CONFLICT (grain_type, grain_key) DO UPDATE SET data = excluded.data, version = g.version + 1, updated_at = now()
            WHERE g.data IS NULL
        RETURNING g.grain_type, g.grain_key, g.version
        """;

    private const string UpdateStatesSql = """
        UPDATE grain_state AS g SET data = u.d, version = g.version + 1, updated_at = now()
        FROM unnest($1::text[], $2::text[], $3::bytea[], $4::bigint[]) AS u(t, k, d, v)
        WHERE g.grain_type = u.t AND g.grain_key = u.k AND g.version = u.v AND g.data IS NOT NULL
        RETURNING g.grain_type, g.grain_key, g.version
        """;

    private const string WatermarkSql = "UPDATE checkpoint SET applied_seq = $1, updated_at = now()";

    /// <summary>The applied watermark W of the last checkpoint (0 before the first).</summary>
    public async Task<long> ReadAppliedSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT applied_seq FROM checkpoint", connection);
        return (long?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The checkpoint row is missing: the schema was not created by PostgresMigrator.");
    }

    /// <summary>
    /// Writes <paramref name="states"/>, applies <paramref name="deadlines"/> (null due time removes) and sets the
    /// watermark to <paramref name="appliedSequence"/>, all or nothing. Returns the new etag of each state, in order.
    /// </summary>
    /// <exception cref="InconsistentStateException">A state's expected etag is stale; nothing of the checkpoint was written.</exception>
    /// <exception cref="ArgumentException">The same grain appears twice in <paramref name="states"/>.</exception>
    public async Task<IReadOnlyList<string>> WriteCheckpointAsync(
        IReadOnlyList<GrainStateWrite> states, IReadOnlyCollection<Deadline> deadlines, long appliedSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(deadlines);
        var seen = new HashSet<GrainKey>(states.Count);
        foreach (var state in states)
        {
            if (!seen.Add(state.Id)) throw new ArgumentException($"Grain {state.Id} appears twice in one checkpoint.", nameof(states));
        }

        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var versions = new Dictionary<GrainKey, long>(states.Count);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            var stateStatements = AddStateStatements(batch, states);
            DeadlineStatements.AddTo(batch, deadlines);
            var watermark = new NpgsqlBatchCommand(WatermarkSql);
            watermark.Parameters.Add(new NpgsqlParameter<long> { TypedValue = appliedSequence });
            batch.BatchCommands.Add(watermark);

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            for (var statement = 0; statement < stateStatements; statement++)
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    versions[new GrainKey(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
                }
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false)) { }
        }

        var etags = new List<string>(states.Count);
        foreach (var state in states)
        {
            if (!versions.TryGetValue(state.Id, out var version))
            {
                var stored = await PostgresGrainStorage.ReadEtagAsync(connection, transaction, state.Id, cancellationToken).ConfigureAwait(false);
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                throw new InconsistentStateException(state.Id, state.ExpectedEtag, stored);
            }
            etags.Add(GrainEtags.Format(version));
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return etags;
    }

    /// <summary>Adds the insert and update statements the states need; returns how many it added (each yields rows).</summary>
    private static int AddStateStatements(NpgsqlBatch batch, IReadOnlyList<GrainStateWrite> states)
    {
        List<string> insertTypes = [], insertKeys = [], updateTypes = [], updateKeys = [];
        List<byte[]> insertData = [], updateData = [];
        List<long> updateVersions = [];
        foreach (var state in states)
        {
            if (state.ExpectedEtag is null)
            {
                insertTypes.Add(state.Id.Type);
                insertKeys.Add(state.Id.Key);
                insertData.Add(Bytes(state.Data));
            }
            else if (GrainEtags.TryParse(state.ExpectedEtag, out var version))
            {
                updateTypes.Add(state.Id.Type);
                updateKeys.Add(state.Id.Key);
                updateData.Add(Bytes(state.Data));
                updateVersions.Add(version);
            }
            // An etag this storage never issued matches nothing: leaving the state out makes it a conflict below.
        }
        var added = 0;
        if (insertTypes.Count > 0)
        {
            var insert = new NpgsqlBatchCommand(InsertStatesSql);
            insert.Parameters.Add(DeadlineStatements.TextArray(insertTypes));
            insert.Parameters.Add(DeadlineStatements.TextArray(insertKeys));
            insert.Parameters.Add(BytesArray(insertData));
            batch.BatchCommands.Add(insert);
            added++;
        }
        if (updateTypes.Count > 0)
        {
            var update = new NpgsqlBatchCommand(UpdateStatesSql);
            update.Parameters.Add(DeadlineStatements.TextArray(updateTypes));
            update.Parameters.Add(DeadlineStatements.TextArray(updateKeys));
            update.Parameters.Add(BytesArray(updateData));
            update.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. updateVersions], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            batch.BatchCommands.Add(update);
            added++;
        }
        return added;
    }

    // Staged states are whole arrays: pass them as they are instead of copying every state on every checkpoint.
    private static byte[] Bytes(ReadOnlyMemory<byte> data)
        => MemoryMarshal.TryGetArray(data, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : data.ToArray();

    private static NpgsqlParameter<byte[][]> BytesArray(List<byte[]> values)
        => new() { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea };
}
