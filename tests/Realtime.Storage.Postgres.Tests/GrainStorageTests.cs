using System.Text;
using Realtime.Grains;
using Realtime.Grains.Persistence;
using Realtime.Testing;

namespace Realtime.Storage.Postgres.Tests;

public sealed class GrainStorageTests(PostgresTestDatabaseFixture fixture) : PostgresStorageTest(fixture)
{
    private PostgresGrainStorage Storage => new(DataSource);

    private static GrainKey NewComplaint() => new("complaint", "C-" + Guid.NewGuid().ToString("N")[..8]);

    private static ReadOnlyMemory<byte> Json(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(StoredGrainState? state) => Encoding.UTF8.GetString(state!.Data.Span);

    [Fact]
    public async Task A_grain_never_written_reads_as_nothing()
    {
        Assert.Null(await Storage.ReadAsync(NewComplaint()));
    }

    [Fact]
    public async Task Written_state_reads_back_byte_for_byte_with_the_etag_the_write_returned()
    {
        var grain = NewComplaint();
        const string state = """{ "status":"open",  "agent":"张三" }""";

        var etag = await Storage.WriteAsync(grain, Json(state), null);
        var read = await Storage.ReadAsync(grain);

        Assert.Equal(state, Text(read));
        Assert.Equal(etag, read!.Etag);
    }

    [Fact]
    public async Task Reading_many_grains_at_once_answers_each_as_a_single_read_would_and_leaves_out_absent_and_cleared_ones()
    {
        var (written, cleared, never) = (NewComplaint(), NewComplaint(), NewComplaint());
        var team = new GrainKey("team", written.Key);
        var etag = await Storage.WriteAsync(written, Json("{\"v\":1}"), null);
        var teamEtag = await Storage.WriteAsync(team, Json("{\"t\":1}"), null);
        await Storage.ClearAsync(cleared, await Storage.WriteAsync(cleared, Json("{}"), null));

        var read = await Storage.ReadManyAsync([written, cleared, never, team]);

        Assert.Equal([written, team], read.Keys.OrderBy(k => k.Type));
        Assert.Equal("{\"v\":1}", Text(read[written]));
        Assert.Equal(etag, read[written].Etag);
        // Same key, another type: a different grain.
        Assert.Equal(teamEtag, read[team].Etag);
        Assert.Equal((await Storage.ReadAsync(written))!.Etag, read[written].Etag);
    }

    [Fact]
    public async Task Each_write_presenting_the_current_etag_gets_a_new_one()
    {
        var grain = NewComplaint();
        var first = await Storage.WriteAsync(grain, Json("{\"v\":1}"), null);

        var second = await Storage.WriteAsync(grain, Json("{\"v\":2}"), first);

        Assert.NotEqual(first, second);
        Assert.Equal("{\"v\":2}", Text(await Storage.ReadAsync(grain)));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_the_stored_state_is_kept()
    {
        var grain = NewComplaint();
        var first = await Storage.WriteAsync(grain, Json("{\"v\":1}"), null);
        var second = await Storage.WriteAsync(grain, Json("{\"v\":2}"), first);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, Json("{\"v\":3}"), first));

        Assert.Equal(grain, error.GrainKey);
        Assert.Equal(first, error.ExpectedEtag);
        Assert.Equal(second, error.StoredEtag);
        Assert.Equal("{\"v\":2}", Text(await Storage.ReadAsync(grain)));
    }

    [Fact]
    public async Task Writing_as_new_over_existing_state_is_refused()
    {
        var grain = NewComplaint();
        await Storage.WriteAsync(grain, Json("{}"), null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, Json("{}"), null));
    }

    [Fact]
    public async Task An_etag_the_storage_never_issued_is_refused()
    {
        var grain = NewComplaint();
        await Storage.WriteAsync(grain, Json("{}"), null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, Json("{}"), "not-a-version"));
    }

    [Fact]
    public async Task When_two_writers_create_the_same_grain_at_once_exactly_one_wins()
    {
        for (var round = 0; round < 20; round++)
        {
            var grain = NewComplaint();
            using var start = new Barrier(2);
            var writers = new[] { "first", "second" }.Select(name => Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    await Storage.WriteAsync(grain, Json($"\"{name}\""), null);
                    return name;
                }
                catch (InconsistentStateException)
                {
                    return null;
                }
            })).ToList();

            var winners = (await Task.WhenAll(writers)).OfType<string>().ToList();

            var winner = Assert.Single(winners);
            Assert.Equal($"\"{winner}\"", Text(await Storage.ReadAsync(grain)));
        }
    }

    [Fact]
    public async Task Clearing_with_the_current_etag_removes_the_state_and_the_grain_can_start_again()
    {
        var grain = NewComplaint();
        var etag = await Storage.WriteAsync(grain, Json("{\"v\":1}"), null);

        await Storage.ClearAsync(grain, etag);

        Assert.Null(await Storage.ReadAsync(grain));
        await Storage.WriteAsync(grain, Json("{\"v\":2}"), null);
        Assert.Equal("{\"v\":2}", Text(await Storage.ReadAsync(grain)));
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_is_refused_and_keeps_the_state()
    {
        var grain = NewComplaint();
        var first = await Storage.WriteAsync(grain, Json("{\"v\":1}"), null);
        await Storage.WriteAsync(grain, Json("{\"v\":2}"), first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(grain, first));

        Assert.Equal("{\"v\":2}", Text(await Storage.ReadAsync(grain)));
    }

    [Fact]
    public async Task Clearing_a_grain_that_has_no_state_is_harmless()
    {
        await Storage.ClearAsync(NewComplaint(), null);
    }

    [Fact]
    public async Task An_etag_from_before_a_clear_cannot_overwrite_the_grains_next_life()
    {
        var grain = NewComplaint();
        var old = await Storage.WriteAsync(grain, Json("{\"life\":1}"), null);
        await Storage.ClearAsync(grain, old);
        await Storage.WriteAsync(grain, Json("{\"life\":2}"), null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, Json("{\"life\":1}"), old));

        Assert.Equal("{\"life\":2}", Text(await Storage.ReadAsync(grain)));
    }
}
