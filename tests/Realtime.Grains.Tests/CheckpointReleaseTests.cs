using System.Text;
using Realtime.Grains;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Tests;

/// <summary>A grain leaving memory never waits for storage, and one coming back finds its latest state, written or not.</summary>
public sealed class CheckpointReleaseTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_grain_leaves_at_once_and_coming_back_before_its_state_is_written_finds_that_state()
    {
        var store = new GatedCheckpointStore();
        await using var host = await store.StartHostAsync();
        var checkpointer = host.Service<StateCheckpointer>();
        var grain = new GrainKey("complaint", "C-leaving");
        checkpointer.Stage(grain, State(1), null);
        await checkpointer.FlushAsync().WaitAsync(Bound);

        // Storage stalls. Version 2 is staged: the grain leaves without waiting, and coming back gets version 2.
        store.Close();
        checkpointer.Stage(grain, State(2), null);
        Assert.True(checkpointer.ReleaseAsync(grain).IsCompleted);
        Assert.Equal(Text(State(2)), Text(await checkpointer.LoadAsync(grain).WaitAsync(Bound)));

        // Version 2 is being written: the grain leaves again at once, and again comes back with version 2.
        var commit = checkpointer.FlushAsync();
        await store.Held.WaitAsync(Bound);
        Assert.True(checkpointer.ReleaseAsync(grain).IsCompleted);
        Assert.Equal(Text(State(2)), Text(await checkpointer.LoadAsync(grain).WaitAsync(Bound)));

        // It changes again before that write lands: version 3 follows version 2 with no etag conflict and is what is stored.
        checkpointer.Stage(grain, State(3), null);
        store.Open();
        await commit.WaitAsync(Bound);
        await checkpointer.FlushAsync().WaitAsync(Bound);
        Assert.True(checkpointer.ReleaseAsync(grain).IsCompleted);
        var stored = await host.Service<IGrainStateStore>().ReadAsync(grain);
        Assert.Equal(Text(State(3)), Text(stored?.Data));
        Assert.Equal(Text(State(3)), Text(await checkpointer.LoadAsync(grain).WaitAsync(Bound)));
    }

    [Fact]
    public async Task A_grain_that_left_and_came_back_after_its_state_was_written_can_write_again()
    {
        await using var host = await GrainsTestHost.StartAsync();
        var checkpointer = host.Service<StateCheckpointer>();
        var grain = new GrainKey("complaint", "C-back");
        checkpointer.Stage(grain, State(1), null);
        Assert.True(checkpointer.ReleaseAsync(grain).IsCompleted);
        await checkpointer.FlushAsync().WaitAsync(Bound);

        // Back from storage, with the etag of the write it left behind.
        Assert.Equal(Text(State(1)), Text(await checkpointer.LoadAsync(grain).WaitAsync(Bound)));
        checkpointer.Stage(grain, State(2), null);
        await checkpointer.FlushAsync().WaitAsync(Bound);
        Assert.Equal(Text(State(2)), Text((await host.Service<IGrainStateStore>().ReadAsync(grain))?.Data));
    }

    private static byte[] State(int version) => Encoding.UTF8.GetBytes($$"""{"version":{{version}}}""");

    private static string? Text(ReadOnlyMemory<byte>? bytes) => bytes is { } b ? Encoding.UTF8.GetString(b.Span) : null;
}
