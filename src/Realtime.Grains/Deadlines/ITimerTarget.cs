namespace Realtime.Grains.Deadlines;

/// <summary>Something the <see cref="TimerScheduler"/> calls when its due time has come.</summary>
public interface ITimerTarget
{
    /// <summary>Called on a thread-pool thread once the scheduled instant is reached (never before it). Must not block.</summary>
    void OnDue(ScheduledTimer timer);
}
