namespace Realtime.Server.Live;

/// <summary>One published message, as it waits in the logs of its scopes.</summary>
/// <param name="Sequence">Its place among every message published (one count across all scopes).</param>
/// <param name="Message">What was published.</param>
public sealed record LivePush(long Sequence, Grains.Live.LiveMessage Message);

/// <summary>
/// The recent events, or the recent state pushes, of one scope, in publication order, for the connections that follow it. A position counts pushes
/// since the log was created; each follower keeps its own. What every follower has read is dropped when room is
/// needed; beyond <see cref="Capacity"/> unread pushes the oldest is dropped anyway, and a follower that had not read it
/// has fallen behind (<see cref="LiveFeed"/> then tells it to reload). Not thread-safe: <see cref="LiveFeed"/> guards it.
/// </summary>
internal sealed class ScopeLog(string scope, int capacity, bool holdsState)
{
    private const int InitialSize = 16;
    private const int ReleaseAfter = 32;

    // Cached: every publish to a scope with waiting senders runs one of these.
    private static readonly Predicate<LiveSubscriber> WakeForEvent = subscriber => subscriber.Wake(isEvent: true);
    private static readonly Predicate<LiveSubscriber> WakeForState = subscriber => subscriber.Wake(isEvent: false);

    // Slot of position p is p & (length - 1): lengths are powers of two, so growing never moves a position.
    private LivePush?[] _slots = new LivePush?[Math.Min(InitialSize, capacity)];
    private long _first;
    private int _count;
    private readonly Dictionary<string, long> _newestState = new(StringComparer.Ordinal);
    private readonly HashSet<LiveSubscriber> _waiting = [];

    /// <summary>The scope (<c>floor</c>, <c>team:T1</c>, …).</summary>
    public string Scope { get; } = scope;

    /// <summary>Whether this is the scope's log of state pushes (those with a coalesce key), not of its events.</summary>
    public bool HoldsState { get; } = holdsState;

    /// <summary>The most pushes kept for a follower that has not read them (a power of two).</summary>
    public int Capacity { get; } = capacity;

    /// <summary>The followers' positions in this log.</summary>
    public List<LiveCursor> Cursors { get; } = [];

    /// <summary>The position of the oldest push still kept.</summary>
    public long First => _first;

    /// <summary>The position the next push will take.</summary>
    public long End => _first + _count;

    /// <summary>Pushes kept (read by some followers or none).</summary>
    public int Count => _count;

    /// <summary>The push at <paramref name="position"/> (between <see cref="First"/> and <see cref="End"/>).</summary>
    public LivePush At(long position) => _slots[position & (_slots.Length - 1)]!;

    /// <summary>Whether the state push at <paramref name="position"/> has a newer one of the same key in this log.</summary>
    public bool IsSuperseded(string key, long position) => _newestState.TryGetValue(key, out var newest) && newest > position;

    /// <summary>Appends <paramref name="push"/> and wakes the followers waiting for it.</summary>
    public void Append(LivePush push)
    {
        if (_count == _slots.Length) MakeRoom();
        var position = End;
        _slots[position & (_slots.Length - 1)] = push;
        _count++;
        var isEvent = push.Message.CoalesceKey is null;
        if (!isEvent) _newestState[push.Message.CoalesceKey!] = position;
        if (_waiting.Count > 0) _waiting.RemoveWhere(isEvent ? WakeForEvent : WakeForState);
    }

    /// <summary>Has <paramref name="subscriber"/> woken by the next push (or only by the next event, per its wait).</summary>
    public void AddWaiting(LiveSubscriber subscriber) => _waiting.Add(subscriber);

    /// <summary>Forgets <paramref name="subscriber"/> (it stopped following this log).</summary>
    public void Remove(LiveSubscriber subscriber)
    {
        Cursors.RemoveAll(cursor => cursor.Subscriber == subscriber);
        _waiting.Remove(subscriber);
    }

    /// <summary>
    /// Drops what every follower has read, once a few such pushes have gathered (each release scans the followers, so it
    /// is not done for every one).
    /// </summary>
    public void ReleaseRead()
    {
        if (_count < ReleaseAfter || Cursors.Count == 0) return;
        var slowest = Slowest();
        if (slowest - _first >= ReleaseAfter) DropBefore(slowest);
    }

    /// <summary>The position of the follower furthest behind (<see cref="End"/> when none follows).</summary>
    private long Slowest()
    {
        var slowest = End;
        foreach (var cursor in Cursors) slowest = Math.Min(slowest, cursor.Position);
        return slowest;
    }

    private void MakeRoom()
    {
        DropBefore(Slowest());
        // Grow while followers keep up but the log is busy, and while there are many followers (each drop scans them all).
        var crowded = _count > _slots.Length / 2 || Cursors.Count > _slots.Length / 4;
        if (crowded && _slots.Length < Capacity) Grow();
        else if (_count == _slots.Length) DropBefore(_first + 1);
    }

    private void Grow()
    {
        var slots = new LivePush?[_slots.Length * 2];
        for (var position = _first; position < End; position++) slots[position & (slots.Length - 1)] = At(position);
        _slots = slots;
    }

    private void DropBefore(long position)
    {
        for (; _first < position; _first++, _count--)
        {
            var slot = _first & (_slots.Length - 1);
            if (_slots[slot]!.Message.CoalesceKey is { } key && _newestState.TryGetValue(key, out var newest) && newest == _first) _newestState.Remove(key);
            _slots[slot] = null;
        }
    }
}

/// <summary>A follower's position in one <see cref="ScopeLog"/>: the next push it has to read there.</summary>
internal sealed class LiveCursor(LiveSubscriber subscriber, ScopeLog log, long position)
{
    /// <summary>Whose position it is.</summary>
    public LiveSubscriber Subscriber { get; } = subscriber;

    /// <summary>The log it is in.</summary>
    public ScopeLog Log { get; } = log;

    /// <summary>The next position to read.</summary>
    public long Position { get; set; } = position;
}
