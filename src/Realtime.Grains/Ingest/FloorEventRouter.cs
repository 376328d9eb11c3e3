using Realtime.Actors;
using Realtime.Domain.Events;
using Realtime.Grains.Complaints;

namespace Realtime.Grains.Ingest;

/// <summary>Delivers journaled events to the grains they concern, one call per grain per batch, in sequence order per grain.</summary>
public sealed class FloorEventRouter(IGrainFactory grains)
{
    /// <summary>
    /// Queues every event of <paramref name="events"/> (in sequence order) to its grain. The mailboxes are filled before
    /// this returns, so a later call can never overtake; the task completes when every grain has applied its share.
    /// </summary>
    public Task DispatchAsync(IReadOnlyList<FloorEvent> events)
    {
        var byComplaint = new Dictionary<string, List<FloorEvent>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Type.IsComplaintEvent()) Add(byComplaint, e.ComplaintId!, e);
        }
        var calls = new List<Task>(byComplaint.Count);
        foreach (var (id, list) in byComplaint) calls.Add(grains.GetGrain<IComplaintGrain>(id).ApplyAsync(list));
        return Task.WhenAll(calls);
    }

    private static void Add(Dictionary<string, List<FloorEvent>> groups, string key, FloorEvent e)
    {
        if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
        list.Add(e);
    }
}
