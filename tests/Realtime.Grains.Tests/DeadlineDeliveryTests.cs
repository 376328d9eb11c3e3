using Microsoft.Extensions.DependencyInjection;
using Realtime.Grains;
using Realtime.Grains.Complaints;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using Realtime.Testing;
using static Realtime.Grains.Tests.FloorEvents;

namespace Realtime.Grains.Tests;

/// <summary>
/// A deadline whose wake-up fails (the grain could not be activated, or the call timed out in a burst of overdue deadlines
/// after a restart) is delivered again until the grain takes it: it is never dropped until the next start.
/// </summary>
public sealed class DeadlineDeliveryTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_deadline_whose_wake_up_fails_is_delivered_again_and_the_warning_still_goes_out()
    {
        var store = new CountingStateStore();
        await using var host = await GrainsTestHost.StartAsync(storage: s => s.AddSingleton<IGrainStateStore>(store));
        var checkpointer = host.Service<StateCheckpointer>();
        var at = host.Time.GetUtcNow();
        await host.SubmitAsync(Opened("C-retry", at, agent: "A1"));
        var id = new GrainKey("complaint", "C-retry");
        await checkpointer.FlushAsync().WaitAsync(Bound);
        await host.CollectIdleActivationsAsync();
        await Eventually.TrueAsync(async () => !await host.IsActiveAsync(id), "the idle complaint to leave memory");
        var scheduler = host.Service<DeadlineScheduler>();
        var due = scheduler.Get(id)!.Value;

        // Its state cannot be read at the deadline, so the wake-up fails: the deadline stays pending, to be tried again.
        store.FailReadsOf = id;
        var readsBefore = store.ReadsOf(id);
        host.Time.Advance(due - host.Time.GetUtcNow());
        await Eventually.TrueAsync(() => Task.FromResult(store.ReadsOf(id) > readsBefore && scheduler.Get(id) == due), "the failed wake-up to be re-armed");
        Assert.False(await host.IsActiveAsync(id));

        // Storage answers again: the next attempt, a second later, delivers the deadline.
        store.FailReadsOf = null;
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var warning = await host.Live.NextAsync(m => m.Method == LiveMethods.SlaWarning).WaitAsync(Bound);
        Assert.Equal("C-retry", ((SlaWarningPayload)warning.Payload).ComplaintId);
        Assert.NotEqual(due, scheduler.Get(id));
    }
}
