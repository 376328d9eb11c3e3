namespace Realtime.Grains.Persistence;

/// <summary>Settings of the checkpointer (configuration section <c>Checkpoints</c>).</summary>
public sealed class CheckpointOptions
{
    /// <summary>Default of <see cref="Interval"/>.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Attempts to read a grain's state (about 15 s of retries) before its activation fails.</summary>
    public const int MaxLoadAttempts = 10;

    /// <summary>Most grain states read from storage at the same time.</summary>
    public const int MaxConcurrentLoads = 16;

    /// <summary>How often staged states are written when nobody asks for a flush.</summary>
    public TimeSpan Interval { get; set; } = DefaultInterval;

    /// <summary>Default of <see cref="DeferredStageDelay"/>.</summary>
    public static readonly TimeSpan DefaultDeferredStageDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a busy grain (agent, team) may collect journal events before it recomputes and pushes once for all of
    /// them; it stages its state when the next checkpoint asks. Zero: push and stage after every event.
    /// </summary>
    public TimeSpan DeferredStageDelay { get; set; } = DefaultDeferredStageDelay;
}
