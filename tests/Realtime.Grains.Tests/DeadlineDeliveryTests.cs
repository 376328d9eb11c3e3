using Microsoft.Extensions.DependencyInjection;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using Realtime.Testing;

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
        var (id, due) = await IdleComplaint.OpenAsync(host, "C-retry");
        var scheduler = host.Service<DeadlineScheduler>();

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
