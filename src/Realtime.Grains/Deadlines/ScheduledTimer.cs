namespace Realtime.Grains.Deadlines;

/// <summary>One pending entry of the <see cref="TimerScheduler"/>. Cancelling is O(1): the entry is skipped when it surfaces.</summary>
public sealed class ScheduledTimer
{
    internal ScheduledTimer(long dueTicks, ITimerTarget target)
    {
        DueUtcTicks = dueTicks;
        Target = target;
    }

    /// <summary>The due instant, as UTC ticks.</summary>
    public long DueUtcTicks { get; }

    /// <summary>The due instant.</summary>
    public DateTimeOffset DueAt => new(DueUtcTicks, TimeSpan.Zero);

    internal ITimerTarget Target { get; }

    internal bool Cancelled { get; set; }
}
