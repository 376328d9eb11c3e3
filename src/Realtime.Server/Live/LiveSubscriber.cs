namespace Realtime.Server.Live;

/// <summary>
/// One live connection as <see cref="LiveFeed"/> sees it: its positions in the logs of the scopes it follows, when its
/// state pushes may next go out, and the wait its sender is in. Its members are guarded by the feed's lock.
/// </summary>
public sealed class LiveSubscriber
{
    // Never disposed: it holds no timer and no registration elsewhere, and a sender may still read its token.
    private readonly CancellationTokenSource _closed = new();
    private TaskCompletionSource? _wait;
    private bool _waitForEventOnly;

    internal LiveSubscriber(string connectionId) => ConnectionId = connectionId;

    /// <summary>The SignalR connection id.</summary>
    public string ConnectionId { get; }

    /// <summary>Cancelled when the connection goes.</summary>
    public CancellationToken Closed => _closed.Token;

    internal List<LiveCursor> Cursors { get; } = [];

    /// <summary>The timestamp (of the feed's <see cref="TimeProvider"/>) before which state pushes wait, unless an event goes out.</summary>
    internal long StatesDueAt { get; set; }

    /// <summary>The task the sender awaits; completed by <see cref="Wake"/>.</summary>
    internal Task BeginWait(bool eventOnly)
    {
        _wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waitForEventOnly = eventOnly;
        return _wait.Task;
    }

    /// <summary>Ends the wait if <paramref name="isEvent"/> (or any push) is what it waits for; false while it still waits.</summary>
    internal bool Wake(bool isEvent)
    {
        if (_wait is null) return true;
        if (_waitForEventOnly && !isEvent) return false;
        _wait.TrySetResult();
        _wait = null;
        return true;
    }

    internal void Close()
    {
        _closed.Cancel();
        _wait?.TrySetResult();
        _wait = null;
    }
}
