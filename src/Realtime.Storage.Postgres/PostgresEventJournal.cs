using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using Realtime.Domain.Events;
using Realtime.Grains.Persistence;

namespace Realtime.Storage.Postgres;

/// <summary>
/// The event journal in the <c>journal</c> table. An append is one transaction: a binary COPY of the
/// batch into a temporary staging table, then one <c>INSERT … SELECT … ON CONFLICT (id) DO NOTHING</c>
/// that assigns arrival sequence in batch order and reports which ids were new. A round trip costs the
/// same for one event or ten thousand, so callers should group events (group commit) before appending.
/// The payload is the event's UTF-8 JSON as bytes (<see cref="JournalJson"/>): PostgreSQL stores it without
/// parsing it (as jsonb, parsing it was about a quarter of the database's CPU per appended event).
/// </summary>
public sealed class PostgresEventJournal(NpgsqlDataSource dataSource) : IEventJournal
{
    // Appends take this transaction-scoped lock just before drawing sequence numbers, so sequence order is
    // commit order: a reader that has seen seq N can never later see a smaller seq commit (which would let a
    // checkpoint watermark skip an event). It is held only from the INSERT to the COMMIT.
    private const long AppendLockKey = 0x5265_616c_7469_6d02;

    private const string CreateStaging = """
        CREATE TEMP TABLE journal_staging (
            ordinal      integer     NOT NULL,
            id           text        NOT NULL,
            type         text        NOT NULL,
            occurred_at  timestamptz NOT NULL,
            complaint_id text        NULL,
            agent_id     text        NULL,
            team_id      text        NULL,
            payload      bytea       NOT NULL
        ) ON COMMIT DROP
        """;

    private const string CopyIntoStaging =
        "COPY journal_staging (ordinal, id, type, occurred_at, complaint_id, agent_id, team_id, payload) FROM STDIN (FORMAT BINARY)";

    private static readonly string InsertFromStaging = $"""
        SELECT pg_advisory_xact_lock({AppendLockKey});
        INSERT INTO journal (id, type, occurred_at, complaint_id, agent_id, team_id, payload)
        SELECT id, type, occurred_at, complaint_id, agent_id, team_id, payload FROM journal_staging ORDER BY ordinal
        ON CONFLICT (id) DO NOTHING
        RETURNING id, seq
        """;

    /// <inheritdoc />
    public async Task<JournalAppendResult> AppendAsync(IReadOnlyList<FloorEvent> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return new JournalAppendResult([], 0);

        // Repeats inside the batch never reach the database: the first occurrence wins, the rest are duplicates.
        var firstById = new Dictionary<string, int>(batch.Count, StringComparer.Ordinal);
        var unique = new List<FloorEvent>(batch.Count);
        foreach (var floorEvent in batch)
        {
            if (firstById.TryAdd(floorEvent.Id, unique.Count)) unique.Add(floorEvent);
        }

        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = new NpgsqlCommand(CreateStaging, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var importer = await connection.BeginBinaryImportAsync(CopyIntoStaging, cancellationToken).ConfigureAwait(false))
        {
            for (var ordinal = 0; ordinal < unique.Count; ordinal++)
            {
                var floorEvent = unique[ordinal];
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(ordinal, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(floorEvent.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(floorEvent.Type.ToWireName(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(floorEvent.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, floorEvent.ComplaintId, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, floorEvent.AgentId, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, floorEvent.TeamId, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(JournalJson.Serialize(floorEvent), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var sequenceById = new Dictionary<string, long>(unique.Count, StringComparer.Ordinal);
        await using (var insert = new NpgsqlCommand(InsertFromStaging, connection, transaction))
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            // The first result set is the advisory lock's single void row.
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sequenceById[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var accepted = new List<FloorEvent>(sequenceById.Count);
        foreach (var floorEvent in unique)
        {
            if (sequenceById.TryGetValue(floorEvent.Id, out var sequence)) accepted.Add(floorEvent with { Sequence = sequence });
        }
        return new JournalAppendResult(accepted, batch.Count - accepted.Count);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FloorEvent> ReadAfterAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT seq, payload FROM journal WHERE seq > $1 ORDER BY seq", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        await foreach (var floorEvent in ReadEventsAsync(command, cancellationToken).ConfigureAwait(false))
        {
            yield return floorEvent;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FloorEvent> ReadOccurredBetweenAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        // occurred_at keeps microseconds while OccurredAt keeps 100 ns ticks: widen the range by a microsecond
        // on each side and decide the edges exactly on the event's own timestamp.
        await using var command = new NpgsqlCommand(
            "SELECT seq, payload FROM journal WHERE occurred_at >= $1 AND occurred_at < $2 ORDER BY seq", connection);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = from.UtcDateTime.AddTicks(-10), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = to.UtcDateTime.AddTicks(10), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await foreach (var floorEvent in ReadEventsAsync(command, cancellationToken).ConfigureAwait(false))
        {
            if (floorEvent.OccurredAt >= from && floorEvent.OccurredAt < to) yield return floorEvent;
        }
    }

    private static async IAsyncEnumerable<FloorEvent> ReadEventsAsync(NpgsqlCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var sequence = reader.GetInt64(0);
            yield return JournalJson.Deserialize(reader.GetFieldValue<byte[]>(1), sequence);
        }
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
        => value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
