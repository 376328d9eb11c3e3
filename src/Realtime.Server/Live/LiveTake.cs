namespace Realtime.Server.Live;

/// <summary>What a connection's sender does next (from <see cref="LiveFeed.Take"/>).</summary>
/// <param name="Kind">Send the batch, send a resync, wait, or stop.</param>
/// <param name="Missed">For a resync: how many messages were dropped unread.</param>
/// <param name="Until">For a wait: the task that completes when there is something to send.</param>
/// <param name="AtMost">For a wait: when state messages become due even if no event comes (null: wait for a push).</param>
public readonly record struct LiveTake(LiveTakeKind Kind, long Missed = 0, Task? Until = null, TimeSpan? AtMost = null)
{
    /// <summary>Send the messages taken.</summary>
    public static LiveTake Send => new(LiveTakeKind.Send);

    /// <summary>The connection is gone.</summary>
    public static LiveTake Closed => new(LiveTakeKind.Closed);

    /// <summary>Tell the client to reload: <paramref name="missed"/> messages were dropped before it read them.</summary>
    public static LiveTake Resync(long missed) => new(LiveTakeKind.Resync, Missed: missed);

    /// <summary>Wait for <paramref name="until"/>, or <paramref name="atMost"/> when given.</summary>
    public static LiveTake Wait(Task until, TimeSpan? atMost) => new(LiveTakeKind.Wait, Until: until, AtMost: atMost);
}
