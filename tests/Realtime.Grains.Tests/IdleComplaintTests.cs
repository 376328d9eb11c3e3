using Realtime.Domain.Clocks;
using Realtime.Grains;
using Realtime.Grains.Complaints;
using Realtime.Grains.Live;
using Realtime.Testing;
using static Realtime.Grains.Tests.FloorEvents;

namespace Realtime.Grains.Tests;

/// <summary>Memory follows the complaints someone is working on, not every open one.</summary>
public sealed class IdleComplaintTests
{
    [Fact]
    public async Task A_complaint_woken_only_by_its_deadline_leaves_memory_after_the_breach_and_keeps_it()
    {
        await using var host = await GrainsTestHost.StartAsync();
        var at = host.Time.GetUtcNow();
        await host.SubmitAsync(Opened("C-idle", at, agent: "A1"));
        var id = new GrainKey("complaint", "C-idle");
        await host.CollectIdleActivationsAsync();
        await Eventually.TrueAsync(async () => !await host.IsActiveAsync(id), "the idle complaint to leave memory");

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.Live.NextAsync(m => m.Method == LiveMethods.SlaBreached);

        // Its next deadline is further off than the collector keeps an idle grain: it leaves without waiting for it.
        await Eventually.TrueAsync(async () => !await host.IsActiveAsync(id), "the breached complaint to leave memory again");
        var view = await host.Grains.GetGrain<IComplaintGrain>("C-idle").GetAsync();
        Assert.Equal(ClockState.Breached, view!.Clocks.Single(c => c.Name == "firstResponse").State);
        Assert.Single(host.Live.All, m => m.Method == LiveMethods.SlaBreached);
    }
}
