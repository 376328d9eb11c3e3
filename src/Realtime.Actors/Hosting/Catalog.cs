using System.Collections.Concurrent;

namespace Realtime.Actors.Hosting;

/// <summary>The activations in memory, one per <see cref="GrainId"/>, and the idle collector (Orleans' <c>Catalog</c> and <c>ActivationCollector</c>).</summary>
internal sealed class Catalog(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();

    public int Count => _activations.Count;

    /// <summary>Delivers <paramref name="item"/> to the activation of <paramref name="id"/>, activating the grain on demand.</summary>
    public void Send(GrainId id, WorkItem item)
    {
        if (runtime.Stopping.IsCancellationRequested)
        {
            item.Fail(new ObjectDisposedException(nameof(GrainHost), "The grain host is stopping."));
            return;
        }
        var registration = runtime.Registrations.ByType(id.Type);
        while (true)
        {
            var activation = _activations.GetOrAdd(id, static (key, state) => new Activation(key, state.registration, state.runtime), (registration, runtime));
            if (activation.TryEnqueue(item)) return;
            // It has just left memory: forget it and activate afresh.
            _activations.TryRemove(new KeyValuePair<GrainId, Activation>(id, activation));
        }
    }

    public void Remove(Activation activation) => _activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.Id, activation));

    /// <summary>Queues deactivation for every activation idle longer than <paramref name="age"/>; returns how many.</summary>
    public int CollectIdle(TimeSpan age)
    {
        var now = runtime.Time.GetTimestamp();
        var count = 0;
        foreach (var activation in _activations.Values)
        {
            if (runtime.Time.GetElapsedTime(activation.LastActivity, now) < age) continue;
            activation.EnqueueDeactivation(DeactivationReason.Idle);
            count++;
        }
        return count;
    }

    /// <summary>Deactivates every activation and waits for them to leave.</summary>
    public Task DeactivateAllAsync(DeactivationReason reason)
    {
        var all = _activations.Values.ToArray();
        foreach (var activation in all) activation.EnqueueDeactivation(reason);
        return Task.WhenAll(all.Select(a => a.Deactivated));
    }

    public bool IsActive(GrainId id) => _activations.ContainsKey(id);
}
