using System.Diagnostics;
using Realtime.Testing;
using Xunit.Abstractions;

namespace Realtime.Storage.Postgres.Tests;

/// <summary>
/// Not a performance assertion: records journal append throughput at batch sizes 1, 100 and 1000 in the
/// test output (fsync is on in the test cluster, so each batch pays a real commit), and checks every event landed.
/// </summary>
public sealed class JournalThroughputMeasurement(PostgresTestDatabaseFixture fixture, ITestOutputHelper output) : PostgresStorageTest(fixture)
{
    [Theory]
    [InlineData(1, 200)]
    [InlineData(100, 50)]
    [InlineData(1000, 20)]
    public async Task Appending_batches_stores_every_event(int batchSize, int batches)
    {
        var journal = new PostgresEventJournal(DataSource);
        var prefix = FloorEvents.NewPrefix();
        var work = Enumerable.Range(0, batches).Select(b => FloorEvents.Many($"{prefix}{b}-", batchSize)).ToList();
        await journal.AppendAsync(FloorEvents.Many(prefix + "warmup-", batchSize));

        var timer = Stopwatch.StartNew();
        var accepted = 0;
        foreach (var batch in work) accepted += (await journal.AppendAsync(batch)).Accepted.Count;
        timer.Stop();

        output.WriteLine($"journal append, batch {batchSize}: {accepted / timer.Elapsed.TotalSeconds:0} events/s, " +
                         $"{timer.Elapsed.TotalMilliseconds / batches:0.00} ms per batch ({batches} batches)");
        Assert.Equal(batchSize * batches, accepted);
    }
}
