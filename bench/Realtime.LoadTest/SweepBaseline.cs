using Npgsql;
using NpgsqlTypes;

namespace Realtime.LoadTest;

/// <summary>
/// The incumbent design, run live beside ours: the same due instants stored in a PostgreSQL table of open clocks
/// (<c>sweep_clock_{interval}</c>, partial index on <c>due_at</c> of undetected rows) on the same cluster, and a job that
/// every interval runs <c>UPDATE … SET detected WHERE due_at &lt;= now AND NOT detected RETURNING due_at</c> — what a
/// helpdesk's periodic SLA job does. Latency = when the sweep's answer arrives − due instant. It leaves out the
/// notification a real sweep would still have to send, which favours the baseline.
/// </summary>
public sealed class SweepBaseline(string connectionString, IReadOnlyList<int> intervals)
{
    /// <summary>Stores the due instants (one table per interval, so the sweepers do not see each other's marks).</summary>
    public async Task PrepareAsync(int count, Func<long, DateTimeOffset> dueAt)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var interval in intervals)
        {
            var table = $"sweep_clock_{interval}";
            await using (var create = new NpgsqlCommand($"CREATE TABLE {table} (complaint bigint PRIMARY KEY, due_at timestamptz NOT NULL, detected boolean NOT NULL DEFAULT false)", connection))
                await create.ExecuteNonQueryAsync();
            await using (var importer = await connection.BeginBinaryImportAsync($"COPY {table} (complaint, due_at) FROM STDIN (FORMAT BINARY)"))
            {
                for (long i = 0; i < count; i++)
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync(i, NpgsqlDbType.Bigint);
                    await importer.WriteAsync(dueAt(i).UtcDateTime, NpgsqlDbType.TimestampTz);
                }
                await importer.CompleteAsync();
            }
            await using (var index = new NpgsqlCommand($"CREATE INDEX ON {table} (due_at) WHERE NOT detected; ANALYZE {table}", connection))
                await index.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Sweeps at <paramref name="start"/> + k × interval until every row was found or <paramref name="giveUpAt"/>.</summary>
    public async Task<List<SweepFigure>> RunAsync(DateTimeOffset start, int count, DateTimeOffset giveUpAt) =>
        (await Task.WhenAll(intervals.Select(i => SweepAsync(i, start, count, giveUpAt)))).ToList();

    private async Task<SweepFigure> SweepAsync(int interval, DateTimeOffset start, int count, DateTimeOffset giveUpAt)
    {
        var latencies = new List<double>(count);
        var sweeps = 0;
        var slowest = 0.0;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        for (var k = 1; latencies.Count < count; k++)
        {
            var tick = start + TimeSpan.FromSeconds(interval * k);
            if (tick > giveUpAt) break;
            var wait = tick - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var began = DateTimeOffset.UtcNow;
            await using var sweep = new NpgsqlCommand($"UPDATE sweep_clock_{interval} SET detected = true WHERE due_at <= $1 AND NOT detected RETURNING due_at", connection);
            sweep.Parameters.Add(new NpgsqlParameter { Value = began.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            var due = new List<DateTime>();
            await using (var reader = await sweep.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) due.Add(reader.GetFieldValue<DateTime>(0));
            }
            var answered = DateTimeOffset.UtcNow;
            sweeps++;
            slowest = Math.Max(slowest, (answered - began).TotalMilliseconds);
            foreach (var d in due) latencies.Add((answered - new DateTimeOffset(d, TimeSpan.Zero)).TotalMilliseconds);
        }
        return new SweepFigure(interval, LatencySummary.Of(latencies.ToArray()), sweeps, Math.Round(slowest, 1));
    }
}
