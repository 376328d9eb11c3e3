using Npgsql;
using NpgsqlTypes;
using Realtime.Grains;
using Realtime.Grains.Persistence;

namespace Realtime.Storage.Postgres;

/// <summary>
/// The two set-based statements that apply a batch of deadline changes: an upsert of the due times and a
/// delete of the removed ones, each taking the whole batch as array parameters (one statement however many rows).
/// Shared by <see cref="PostgresDeadlineIndex"/> and <see cref="PostgresCheckpointStore"/>.
/// </summary>
internal static class DeadlineStatements
{
    private const string UpsertSql = """
        INSERT INTO deadlines AS d (grain_type, grain_key, due_at, summary, holder)
        SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::bytea[], $5::text[])
        ON CONFLICT (grain_type, grain_key) DO UPDATE SET due_at = excluded.due_at, summary = excluded.summary, holder = excluded.holder
        """;

    private const string DeleteSql = """
        DELETE FROM deadlines d USING unnest($1::text[], $2::text[]) AS r(grain_type, grain_key)
        WHERE d.grain_type = r.grain_type AND d.grain_key = r.grain_key
        """;

    /// <summary>Adds the statements for <paramref name="deadlines"/> to <paramref name="batch"/>; the last change of a grain wins.</summary>
    public static void AddTo(NpgsqlBatch batch, IReadOnlyCollection<Deadline> deadlines)
    {
        if (deadlines.Count == 0) return;
        var latest = new Dictionary<GrainKey, Deadline>(deadlines.Count);
        foreach (var deadline in deadlines) latest[deadline.Grain] = deadline;

        var setTypes = new List<string>(latest.Count);
        var setKeys = new List<string>(latest.Count);
        var setDue = new List<DateTime?>(latest.Count);
        var setSummaries = new List<byte[]?>(latest.Count);
        var setHolders = new List<string?>(latest.Count);
        var removeTypes = new List<string>();
        var removeKeys = new List<string>();
        foreach (var (grain, entry) in latest)
        {
            if (!entry.IsEmpty)
            {
                setTypes.Add(grain.Type);
                setKeys.Add(grain.Key);
                setDue.Add(entry.DueAt?.UtcDateTime);
                setSummaries.Add(entry.Summary);
                setHolders.Add(entry.Holder);
            }
            else
            {
                removeTypes.Add(grain.Type);
                removeKeys.Add(grain.Key);
            }
        }
        if (setTypes.Count > 0)
        {
            var upsert = new NpgsqlBatchCommand(UpsertSql);
            upsert.Parameters.Add(TextArray(setTypes));
            upsert.Parameters.Add(TextArray(setKeys));
            upsert.Parameters.Add(new NpgsqlParameter { Value = setDue.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            upsert.Parameters.Add(new NpgsqlParameter { Value = setSummaries.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            upsert.Parameters.Add(new NpgsqlParameter { Value = setHolders.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            batch.BatchCommands.Add(upsert);
        }
        if (removeTypes.Count > 0)
        {
            var delete = new NpgsqlBatchCommand(DeleteSql);
            delete.Parameters.Add(TextArray(removeTypes));
            delete.Parameters.Add(TextArray(removeKeys));
            batch.BatchCommands.Add(delete);
        }
    }

    public static NpgsqlParameter<string[]> TextArray(List<string> values)
        => new() { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
