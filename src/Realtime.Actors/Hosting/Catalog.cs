using System.Collections.Concurrent;

namespace Realtime.Actors.Hosting;

/// <summary>The activations in memory, one per <see cref="GrainId"/>, and the idle collector (Orleans' <c>Catalog</c> and <c>ActivationCollector</c>).</summary>
internal sealed class Catalog(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private volatile bool _closed;

    public int Count => _activations.Count;

    /// <summary>Delivers <paramref name="item"/> to the activation of <paramref name="id"/>, activating the grain on demand.</summary>
    public void Send(GrainId id, WorkItem item)
    {
        if (_closed)
        {
            item.Fail(Closed());
            return;
        }
        var registration = runtime.Registrations.ByType(id.Type);
        while (true)
        {
            var activation = _activations.GetOrAdd(id, static (key, state) => new Activation(key, state.registration, state.runtime), (registration, runtime));
            if (activation.TryEnqueue(item)) return;
            // It has just left memory (its successor, if any, is already published): forget it and look again.
            _activations.TryRemove(new KeyValuePair<GrainId, Activation>(id, activation));
        }
    }

    /// <summary>
    /// Called by a leaving activation, under its mailbox lock: publishes a fresh activation holding the calls that were still
    /// queued (or forgets the identity when there are none), so no later call can overtake them.
    /// </summary>
    public void Replace(Activation leaving, IReadOnlyList<WorkItem> orphans)
    {
        if (orphans.Count == 0 || _closed)
        {
            foreach (var orphan in orphans) orphan.Fail(Closed());
            _activations.TryRemove(new KeyValuePair<GrainId, Activation>(leaving.Id, leaving));
            return;
        }
        var next = new Activation(leaving.Id, leaving.Registration, runtime);
        foreach (var orphan in orphans) next.TryEnqueue(orphan);
        // Only a sender that saw the leaving activation refuse work removes it, and that cannot happen before this returns,
        // so the update succeeds; the fallback only keeps the orphans from being lost should that reasoning ever break.
        if (!_activations.TryUpdate(leaving.Id, next, leaving)) _activations.TryAdd(leaving.Id, next);
    }

    /// <summary>
    /// Queues deactivation for every activation idle longer than <paramref name="age"/> (or its type's own age when null)
    /// that is not already leaving; returns how many it queued.
    /// </summary>
    public int CollectIdle(TimeSpan? age)
    {
        var now = runtime.Time.GetTimestamp();
        var count = 0;
        foreach (var activation in _activations.Values)
        {
            var limit = age ?? runtime.Options.CollectionAgeOf(activation.Id.Type);
            if (runtime.Time.GetElapsedTime(activation.LastActivity, now) < limit) continue;
            if (activation.EnqueueDeactivation(DeactivationReason.Idle, limit)) count++;
        }
        return count;
    }

    /// <summary>Refuses further calls, then deactivates every activation and waits until none is left.</summary>
    private const int MaxCloseRounds = 16;

    public async Task CloseAsync(DeactivationReason reason)
    {
        _closed = true;
        // An activation leaving just as the catalog closed may still have published a successor: loop until none is left.
        // Successors come only from calls already queued, so a few rounds empty the catalog; the bound is a safety net.
        for (var round = 0; !_activations.IsEmpty && round < MaxCloseRounds; round++)
        {
            var all = _activations.Values.ToArray();
            foreach (var activation in all) activation.EnqueueDeactivation(reason);
            await Task.WhenAll(all.Select(a => a.Deactivated));
        }
    }

    public bool IsActive(GrainId id) => _activations.ContainsKey(id);

    private static ObjectDisposedException Closed() => new(nameof(GrainHost), "The grain host has stopped; no further grain calls are accepted.");
}
