using System.Text;
using Realtime.Grains;
using Realtime.Grains.Persistence;
using Realtime.Testing;

namespace Realtime.Storage.Postgres.Tests;

public sealed class CheckpointStoreTests(PostgresTestDatabaseFixture fixture) : PostgresStorageTest(fixture)
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private PostgresCheckpointStore Checkpoints => new(DataSource);

    private PostgresGrainStorage Storage => new(DataSource);

    private static GrainKey NewComplaint() => new("complaint", "C-" + Guid.NewGuid().ToString("N")[..8]);

    private static ReadOnlyMemory<byte> Json(string text) => Encoding.UTF8.GetBytes(text);

    private async Task<List<Deadline>> DeadlinesOfAsync(params GrainKey[] grains)
        => [.. (await new PostgresDeadlineIndex(DataSource).LoadAllAsync().ToListAsync()).Where(d => grains.Contains(d.Grain))];

    [Fact]
    public async Task A_checkpoint_writes_states_deadlines_and_the_watermark_together()
    {
        var created = NewComplaint();
        var updated = NewComplaint();
        var updatedEtag = await Storage.WriteAsync(updated, Json("{\"v\":1}"), null);

        var etags = await Checkpoints.WriteCheckpointAsync(
            [new GrainStateWrite(created, Json("{\"new\":true}"), null), new GrainStateWrite(updated, Json("{\"v\":2}"), updatedEtag)],
            [new Deadline(created, Nine.AddMinutes(2)), new Deadline(updated, Nine.AddHours(48))],
            appliedSequence: 1_000);

        Assert.Equal(2, etags.Count);
        var createdState = await Storage.ReadAsync(created);
        var updatedState = await Storage.ReadAsync(updated);
        Assert.Equal([createdState!.Etag, updatedState!.Etag], etags);
        Assert.Equal("{\"v\":2}", Encoding.UTF8.GetString(updatedState.Data.Span));
        Assert.Equal(2, (await DeadlinesOfAsync(created, updated)).Count);
        Assert.Equal(1_000, await Checkpoints.ReadAppliedSequenceAsync());
    }

    [Fact]
    public async Task The_returned_etags_are_the_ones_the_next_checkpoint_must_present()
    {
        var grain = NewComplaint();
        var first = await Checkpoints.WriteCheckpointAsync([new GrainStateWrite(grain, Json("1"), null)], [], 10);

        var second = await Checkpoints.WriteCheckpointAsync([new GrainStateWrite(grain, Json("2"), first[0])], [], 20);

        Assert.Equal(second[0], (await Storage.ReadAsync(grain))!.Etag);
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Checkpoints.WriteCheckpointAsync([new GrainStateWrite(grain, Json("3"), first[0])], [], 30));
    }

    [Fact]
    public async Task A_stale_etag_in_one_state_rolls_back_every_state_deadline_and_the_watermark()
    {
        var fresh = NewComplaint();
        var stale = NewComplaint();
        var freshEtag = await Storage.WriteAsync(fresh, Json("{\"v\":1}"), null);
        var staleEtag = await Storage.WriteAsync(stale, Json("{\"v\":1}"), null);
        await Storage.WriteAsync(stale, Json("{\"v\":2}"), staleEtag);
        var newcomer = NewComplaint();
        await Checkpoints.WriteCheckpointAsync([], [], 500);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Checkpoints.WriteCheckpointAsync(
            [
                new GrainStateWrite(fresh, Json("{\"v\":\"checkpoint\"}"), freshEtag),
                new GrainStateWrite(newcomer, Json("{}"), null),
                new GrainStateWrite(stale, Json("{\"v\":\"checkpoint\"}"), staleEtag),
            ],
            [new Deadline(fresh, Nine), new Deadline(newcomer, Nine)],
            appliedSequence: 900));

        Assert.Equal(stale, error.GrainKey);
        Assert.Equal(500, await Checkpoints.ReadAppliedSequenceAsync());
        Assert.Equal("{\"v\":1}", Encoding.UTF8.GetString((await Storage.ReadAsync(fresh))!.Data.Span));
        Assert.Null(await Storage.ReadAsync(newcomer));
        Assert.Empty(await DeadlinesOfAsync(fresh, newcomer));
    }

    [Fact]
    public async Task A_checkpoint_creating_a_grain_that_already_has_state_is_refused()
    {
        var grain = NewComplaint();
        await Storage.WriteAsync(grain, Json("{}"), null);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Checkpoints.WriteCheckpointAsync([new GrainStateWrite(grain, Json("{}"), null)], [], 1));
    }

    [Fact]
    public async Task A_checkpoint_can_remove_deadlines()
    {
        var grain = NewComplaint();
        await Checkpoints.WriteCheckpointAsync([], [new Deadline(grain, Nine)], 1);

        await Checkpoints.WriteCheckpointAsync([], [new Deadline(grain, null)], 2);

        Assert.Empty(await DeadlinesOfAsync(grain));
    }

    [Fact]
    public async Task A_grain_twice_in_one_checkpoint_is_a_caller_error()
    {
        var grain = NewComplaint();

        await Assert.ThrowsAsync<ArgumentException>(() => Checkpoints.WriteCheckpointAsync(
            [new GrainStateWrite(grain, Json("1"), null), new GrainStateWrite(grain, Json("2"), null)], [], 1));
    }

    [Fact]
    public async Task A_large_checkpoint_is_written_in_one_go()
    {
        var writes = Enumerable.Range(0, 5_000).Select(_ => new GrainStateWrite(NewComplaint(), Json("{\"status\":\"open\"}"), null)).ToList();

        var etags = await Checkpoints.WriteCheckpointAsync(writes, [.. writes.Select(w => new Deadline(w.Id, Nine))], 77);

        Assert.Equal(5_000, etags.Count);
        Assert.Equal(77, await Checkpoints.ReadAppliedSequenceAsync());
    }
}
