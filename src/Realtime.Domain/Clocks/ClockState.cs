namespace Realtime.Domain.Clocks;

/// <summary>Where a started clock stands at a given instant.</summary>
public enum ClockState
{
    /// <summary>Counting, and its target not reached yet.</summary>
    Running,
    /// <summary>Pausable clock stopped by <c>complaint.paused</c>, target not reached.</summary>
    Paused,
    /// <summary>Stopped with elapsed time at or below the target.</summary>
    Met,
    /// <summary>Elapsed time reached the target while running; stays breached whether it keeps running, pauses or stops.</summary>
    Breached,
}
