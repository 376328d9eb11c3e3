using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Domain.Clocks;
using Realtime.Grains;
using Realtime.Grains.Complaints;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using Realtime.Testing;

namespace Realtime.Grains.Tests;

/// <summary>
/// A grain out of memory has its state read shortly before its deadline, so the deadline's turn does not wait for
/// storage; an older state read ahead never replaces a newer one.
/// </summary>
public sealed class StatePrefetchTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_complaint_out_of_memory_has_its_state_read_before_its_deadline_and_is_activated_only_at_it()
    {
        var store = new CountingStateStore();
        await using var host = await GrainsTestHost.StartAsync(storage: s => s.AddSingleton<IGrainStateStore>(store));
        var (id, due) = await IdleComplaint.OpenAsync(host, "C-ahead");
        var readsBefore = store.ReadsOf(id);

        // Inside the warm-up before its next deadline: the state is read, the complaint stays out of memory.
        host.Time.Advance(due - DeadlineOptions.DefaultWarmUp / 2 - host.Time.GetUtcNow());
        await Eventually.TrueAsync(() => Task.FromResult(store.ReadsOf(id) == readsBefore + 1), "the state to be read ahead");
        Assert.False(await host.IsActiveAsync(id));

        // At the deadline it is activated with the state already read: storage is not read again.
        host.Time.Advance(DeadlineOptions.DefaultWarmUp);
        await host.Live.NextAsync(m => m.Method == LiveMethods.SlaWarning).WaitAsync(Bound);
        Assert.Equal(readsBefore + 1, store.ReadsOf(id));
        var view = await host.Grains.GetGrain<IComplaintGrain>("C-ahead").GetAsync();
        Assert.Equal(ClockState.Running, view!.Clocks.Single(c => c.Name == "firstResponse").State);
    }

    [Fact]
    public async Task A_state_read_ahead_is_what_the_grain_loads_unless_a_newer_one_was_staged_since()
    {
        var store = new CountingStateStore();
        await using var host = await GrainsTestHost.StartAsync(storage: s => s.AddSingleton<IGrainStateStore>(store));
        var checkpointer = host.Service<StateCheckpointer>();
        var grain = new GrainKey("complaint", "C-read-ahead");
        checkpointer.Stage(grain, State(1), null);
        await checkpointer.ReleaseAsync(grain);
        await checkpointer.FlushAsync().WaitAsync(Bound);

        // Read ahead once; the load takes that read.
        checkpointer.Prefetch(grain);
        await Eventually.TrueAsync(() => Task.FromResult(store.ReadsOf(grain) == 1), "the state to be read ahead");
        Assert.Equal(Text(State(1)), Text(await checkpointer.LoadAsync(grain).WaitAsync(Bound)));
        Assert.Equal(1, store.ReadsOf(grain));

        // In memory (its etag is known): nothing is read ahead.
        checkpointer.Prefetch(grain);
        Assert.Equal(1, store.ReadsOf(grain));

        // A grain with nothing stored yet is read ahead (nothing found); its first state is staged and written before
        // it is loaded. The load returns that state, not the absence read ahead.
        var fresh = new GrainKey("complaint", "C-read-ahead-new");
        checkpointer.Prefetch(fresh);
        await Eventually.TrueAsync(() => Task.FromResult(store.ReadsOf(fresh) == 1), "the missing state to be read ahead");
        checkpointer.Stage(fresh, State(1), null);
        await checkpointer.FlushAsync().WaitAsync(Bound);
        await checkpointer.ReleaseAsync(fresh);
        Assert.Equal(Text(State(1)), Text(await checkpointer.LoadAsync(fresh).WaitAsync(Bound)));
    }

    private static byte[] State(int version) => Encoding.UTF8.GetBytes($$"""{"version":{{version}}}""");

    private static string? Text(ReadOnlyMemory<byte>? bytes) => bytes is { } b ? Encoding.UTF8.GetString(b.Span) : null;
}
