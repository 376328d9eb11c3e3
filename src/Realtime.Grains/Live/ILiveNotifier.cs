namespace Realtime.Grains.Live;

/// <summary>Where grains send pushes. Implementations queue and return at once; grains never touch SignalR.</summary>
public interface ILiveNotifier
{
    /// <summary>Queues <paramref name="message"/> for delivery.</summary>
    void Publish(LiveMessage message);
}
