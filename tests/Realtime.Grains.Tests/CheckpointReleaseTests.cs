using Microsoft.Extensions.DependencyInjection;
using Realtime.Actors;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Tests;

/// <summary>A grain leaving memory waits for storage only while its last state is not durable yet.</summary>
public sealed class CheckpointReleaseTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_grain_whose_state_is_already_durable_leaves_without_waiting_for_a_checkpoint_it_is_not_in()
    {
        var store = new GatedCheckpointStore();
        await using var host = await store.StartHostAsync();
        var checkpointer = host.Service<StateCheckpointer>();
        var durable = new GrainId("complaint", "C-durable");
        var writing = new GrainId("complaint", "C-writing");
        checkpointer.Stage(durable, "{}"u8.ToArray(), null);
        await checkpointer.FlushAsync().WaitAsync(Bound);

        store.Close();
        checkpointer.Stage(writing, "{}"u8.ToArray(), null);
        var commit = checkpointer.FlushAsync();
        await store.Held.WaitAsync(Bound);

        // The checkpoint holding the other grain is stuck; this one's state is already stored, so it leaves now.
        await checkpointer.ReleaseAsync(durable).WaitAsync(Bound);
        var leaving = checkpointer.ReleaseAsync(writing);
        Assert.False(leaving.IsCompleted);

        store.Open();
        await commit.WaitAsync(Bound);
        await leaving.WaitAsync(Bound);
        Assert.Equal(1, store.Written("C-writing", host));
    }
}
