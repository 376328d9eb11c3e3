using Realtime.Grains;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Persistence;
using Realtime.Testing;
using static Realtime.Grains.Tests.FloorEvents;

namespace Realtime.Grains.Tests;

/// <summary>A complaint opened, checkpointed and gone from memory, waiting for its next deadline.</summary>
internal static class IdleComplaint
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>Opens <paramref name="complaintId"/> for agent A1, waits until it has left memory, and returns its key and next deadline.</summary>
    public static async Task<(GrainKey Key, DateTimeOffset NextDueAt)> OpenAsync(GrainsTestHost host, string complaintId)
    {
        await host.SubmitAsync(Opened(complaintId, host.Time.GetUtcNow(), agent: "A1"));
        var key = new GrainKey("complaint", complaintId);
        await host.Service<StateCheckpointer>().FlushAsync().WaitAsync(Bound);
        await host.CollectIdleActivationsAsync();
        await Eventually.TrueAsync(async () => !await host.IsActiveAsync(key), "the idle complaint to leave memory");
        return (key, host.Service<DeadlineScheduler>().Get(key)!.Value);
    }
}
