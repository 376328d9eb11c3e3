using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Realtime.LoadTest;

/// <summary>The physical ceilings ingest is compared with, measured on the same box in the same run.</summary>
public static class Ceilings
{
    /// <summary>
    /// Raw System.Text.Json parse rate, one thread: 1,000-event bodies as the harness posts them, parsed with
    /// <see cref="JsonDocument"/> and every field read, as the server's reader does. Events per second.
    /// </summary>
    public static double JsonParseEventsPerSecond(TimeSpan duration)
    {
        var bodies = Enumerable.Range(0, 8).Select(b => FloorEvents.OpenedBody("J-", b * 1000L, 1000, _ => DateTimeOffset.UtcNow)).ToArray();
        long events = 0, checksum = 0;
        for (var warm = 0; warm < 20; warm++) checksum += ParseAll(bodies[warm % bodies.Length]);
        var watch = Stopwatch.StartNew();
        var round = 0;
        while (watch.Elapsed < duration)
        {
            checksum += ParseAll(bodies[round++ % bodies.Length]);
            events += 1000;
        }
        GC.KeepAlive(checksum);
        return events / watch.Elapsed.TotalSeconds;
    }

    private static long ParseAll(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        long sum = 0;
        foreach (var e in document.RootElement.EnumerateArray())
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String) sum += p.Value.GetString()!.Length;
            }
            sum += e.GetProperty("occurredAt").GetDateTimeOffset().Minute;
        }
        return sum;
    }

    /// <summary>
    /// Raw PostgreSQL binary COPY: <paramref name="rows"/> rows of (random 36-char id primary key, type, occurred_at,
    /// ~200 B jsonb payload), 1,000 rows per transaction, one connection. Rows per second.
    /// </summary>
    public static async Task<double> CopyRowsPerSecondAsync(string connectionString, int rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE copy_ceiling (id text PRIMARY KEY, type text NOT NULL, occurred_at timestamptz NOT NULL, payload jsonb NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        var payload = """{"complaintId":"C-0000000","teamId":"T12","agentId":"A0123","category":"billing","severity":"normal","channel":"phone","customerId":"CU0000000","customerName":"张*","customerPhone":"138****1234"}""";
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < rows; done += 1000)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var importer = await connection.BeginBinaryImportAsync("COPY copy_ceiling (id, type, occurred_at, payload) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < 1000; i++)
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text);
                    await importer.WriteAsync("complaint.opened", NpgsqlDbType.Text);
                    await importer.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync(payload, NpgsqlDbType.Jsonb);
                }
                await importer.CompleteAsync();
            }
            await transaction.CommitAsync();
        }
        return rows / watch.Elapsed.TotalSeconds;
    }
}
