using Realtime.Actors.Hosting;
using Realtime.Actors.Timers;

namespace Realtime.Actors;

/// <summary>Why an activation is leaving memory.</summary>
public enum DeactivationReason
{
    /// <summary>It was idle longer than the collection age.</summary>
    Idle,
    /// <summary>The grain asked for it (<see cref="Grain.DeactivateOnIdle"/>).</summary>
    Requested,
    /// <summary>The host is shutting down.</summary>
    Shutdown,
}

/// <summary>
/// Base class of grain implementations (Orleans' <c>Grain</c>). The host creates one instance per activation and
/// runs its calls one turn at a time, so grain code never needs a lock. Grain code must not block (<c>.Result</c>, <c>.Wait()</c>).
/// </summary>
public abstract class Grain
{
    private Activation? _activation;

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.Id;

    /// <summary>The key part of <see cref="GrainId"/>.</summary>
    public string Key => Activation.Id.Key;

    /// <summary>References to other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime.Factory;

    /// <summary>The host's clock.</summary>
    protected TimeProvider Time => Activation.Runtime.Time;

    private Activation Activation => _activation ?? throw new InvalidOperationException("The grain is not activated yet; use OnActivateAsync, not the constructor.");

    internal void Attach(Activation activation) => _activation = activation;

    /// <summary>Runs once, as the first turn of the activation (load state here).</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once, as the last turn of the activation (flush state here).</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Registers a volatile timer (Orleans' <c>RegisterGrainTimer</c>): each tick is a message to this grain's mailbox, obeys the turn rules,
    /// never overlaps the previous tick, and dies with the activation. For deadlines that must survive deactivation or restart, use a reminder.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        Activation.RegisterTimer(callback, options);

    /// <summary>Asks the host to deactivate this activation once the current turn ends.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation();

    /// <summary>
    /// How long this grain may stay idle in memory before the collector deactivates it (its type's collection age,
    /// Orleans' <c>GrainCollectionOptions.ClassSpecificCollectionAge</c>).
    /// </summary>
    protected TimeSpan CollectionAge => Activation.Runtime.Options.CollectionAgeOf(Activation.Id.Type);
}
