using Microsoft.Extensions.Logging;
using Realtime.Actors.Timers;

namespace Realtime.Actors.Hosting;

/// <summary>
/// One grain instance in memory and its mailbox. Work items run strictly one after another (a turn ends when the
/// item's task completes), drained on the thread pool in slices of <see cref="GrainHostOptions.TurnsPerSlice"/> so one
/// busy grain cannot starve the others (Orleans' <c>WorkItemGroup</c>).
/// </summary>
internal sealed class Activation : IThreadPoolWorkItem
{
    private enum Phase { Created, Active, Deactivating, Deactivated }

    private readonly object _gate = new();
    private readonly Queue<WorkItem> _mailbox = new();
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Phase _phase;
    private bool _draining;
    // An idle deactivation is queued or running: the collector, which looks again every quantum, must not queue another
    // behind it (a grain waiting for its last checkpoint would collect one per quantum).
    private bool _idleDeactivationPending;
    private Grain? _grain;
    private List<GrainTimer>? _timers;

    public Activation(GrainId id, GrainRegistration registration, GrainRuntime runtime)
    {
        Id = id;
        Registration = registration;
        Runtime = runtime;
        LastActivity = runtime.Time.GetTimestamp();
    }

    public GrainId Id { get; }

    public GrainRegistration Registration { get; }

    public GrainRuntime Runtime { get; }

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the last turn that counts as activity.</summary>
    public long LastActivity { get; private set; }

    /// <summary>Completes when the activation has left memory.</summary>
    public Task Deactivated => _deactivated.Task;

    /// <summary>Queues a turn; false when this activation is leaving memory (the caller then uses a fresh one).</summary>
    public bool TryEnqueue(WorkItem item)
    {
        lock (_gate)
        {
            // While deactivating, calls still queue: they are re-sent to a fresh activation once this one is gone,
            // so the fresh one never reads state the old one has not finished writing.
            if (_phase == Phase.Deactivated) return false;
            _mailbox.Enqueue(item);
            if (item.CountsAsActivity) LastActivity = Runtime.Time.GetTimestamp();
            if (_draining) return true;
            _draining = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    /// <summary>Queues deactivation if the activation is still idle when its turn comes.</summary>
    public void RequestDeactivation() => TryEnqueue(new DeactivationWorkItem(this, DeactivationReason.Requested, TimeSpan.Zero));

    /// <summary>
    /// Queues deactivation for <paramref name="reason"/>; an idle one is dropped at its turn unless the activation is still
    /// idle for <paramref name="idleFor"/>. False when nothing was queued (an idle deactivation is already on its way).
    /// </summary>
    public bool EnqueueDeactivation(DeactivationReason reason, TimeSpan idleFor = default)
    {
        if (reason == DeactivationReason.Idle)
        {
            lock (_gate)
            {
                if (_idleDeactivationPending || _phase is Phase.Deactivating or Phase.Deactivated) return false;
                _idleDeactivationPending = true;
            }
        }
        return TryEnqueue(new DeactivationWorkItem(this, reason, idleFor));
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, options);
        (_timers ??= []).Add(timer);
        timer.Start();
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer) => _timers?.Remove(timer);

    void IThreadPoolWorkItem.Execute() => _ = DrainAsync();

    private async Task DrainAsync()
    {
        var budget = Runtime.Options.TurnsPerSlice;
        while (true)
        {
            WorkItem item;
            lock (_gate)
            {
                if (_mailbox.Count == 0 || _phase == Phase.Deactivated)
                {
                    _draining = false;
                    return;
                }
                item = _mailbox.Dequeue();
            }

            await RunTurnAsync(item);

            if (--budget == 0)
            {
                // Yield the thread so other activations get their turn; the mailbox stays marked as draining.
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }
        }
    }

    private async Task RunTurnAsync(WorkItem item)
    {
        if (_phase == Phase.Created && item is not DeactivationWorkItem && !await TryActivateAsync(item)) return;
        try
        {
            var task = item.ExecuteAsync(_grain!);
            if (!task.IsCompletedSuccessfully) await task;
        }
        catch (Exception e)
        {
            // A failed turn is reported to its caller and logged; the activation lives on (Orleans does the same).
            Runtime.Log.TurnFailed(e, Id);
        }
    }

    private async Task<bool> TryActivateAsync(WorkItem first)
    {
        try
        {
            _grain = Registration.Create(Runtime.Services);
            _grain.Attach(this);
            await _grain.OnActivateAsync(Runtime.Stopping);
            _phase = Phase.Active;
            return true;
        }
        catch (Exception e)
        {
            Runtime.Log.ActivationFailed(e, Id);
            _grain = null;
            first.Fail(new GrainActivationException(Id, e));
            return false;
        }
    }

    /// <summary>Runs as a turn: leaves memory if nothing else is queued (otherwise the grain is busy again and stays).</summary>
    private async Task DeactivateAsync(DeactivationReason reason, TimeSpan idleFor)
    {
        lock (_gate)
        {
            // A call that arrived after the collector looked makes the activation busy again.
            if (reason == DeactivationReason.Idle) _idleDeactivationPending = false;
            if (reason == DeactivationReason.Idle && (_mailbox.Count > 0 || Runtime.Time.GetElapsedTime(LastActivity) < idleFor)) return;
            _phase = Phase.Deactivating;
        }
        try
        {
            if (_grain is not null) await _grain.OnDeactivateAsync(reason, CancellationToken.None);
        }
        catch (Exception e)
        {
            Runtime.Log.DeactivationFailed(e, Id);
        }
        finally
        {
            foreach (var timer in _timers?.ToArray() ?? []) timer.Dispose();
            lock (_gate)
            {
                // Calls that raced with deactivation move, in their original order, to a fresh activation that the
                // catalog publishes before this one starts refusing work (senders wait on this lock), so a sender's
                // later calls always queue behind its earlier ones. Ticks and deactivations belong to this activation and die with it.
                Runtime.Catalog.Replace(this, [.. _mailbox.Where(static i => i.OutlivesActivation)]);
                _phase = Phase.Deactivated;
                _mailbox.Clear();
            }
            _deactivated.TrySetResult();
        }
    }

    private sealed class DeactivationWorkItem(Activation owner, DeactivationReason reason, TimeSpan idleFor) : WorkItem
    {
        public override bool CountsAsActivity => false;

        public override bool OutlivesActivation => false;

        public override Task ExecuteAsync(Grain grain) => owner.DeactivateAsync(reason, idleFor);

        public override void Fail(Exception error)
        {
        }
    }
}

/// <summary>A grain's <see cref="Grain.OnActivateAsync"/> failed; the call that triggered it fails with this.</summary>
public sealed class GrainActivationException(GrainId id, Exception inner)
    : Exception($"Activation of {id} failed: {inner.Message}", inner)
{
    /// <summary>The grain that could not be activated.</summary>
    public GrainId GrainId { get; } = id;
}
