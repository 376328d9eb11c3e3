using Realtime.Grains.Live;

namespace Realtime.Server.Live;

/// <summary>
/// What every live connection has still to receive, kept so that a connection that reads slowly holds back only itself.
/// A published message is appended, under one sequence across all scopes, to the log of each of its scopes that some
/// connection follows (and costs nothing more when none does); each connection reads its scopes' logs at its own pace,
/// merged by that sequence, so it receives its messages in publication order and a message of two of its scopes once.
/// A state message (one with a coalesce key) that a newer one of the same key has overtaken before it was read is
/// skipped, so the last one read always carries the latest state. Events go out as soon as they are published, ahead of
/// any state waiting; state messages go out at most every <see cref="LiveOptions.StateInterval"/>, then together with
/// the events in publication order, so a burst of updates costs a handful and never delays an alert. (A state message
/// can so arrive after an event published later; it is still the newest of its key when it is sent.)
/// A scope keeps its events and its state messages in two logs, each of at most <see cref="LiveOptions.BacklogPerScope"/>
/// unread messages: a connection that falls further behind loses what it missed and is told to reload
/// (<see cref="LiveTake.Resync"/>), and the server's memory stays bounded however slow or stalled its clients are. State
/// is what a reload restores, so a connection behind on state only is told to reload and keeps every event (a breach
/// alert is never dropped for the score updates around it); only one behind on events loses them too.
/// </summary>
public sealed class LiveFeed
{
    /// <summary>The most messages one <see cref="Take"/> returns.</summary>
    public const int MaxBatch = 256;

    private readonly object _gate = new();
    private readonly Dictionary<string, ScopeLogs> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveSubscriber> _subscribers = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly long _stateInterval;
    private readonly TimeProvider _time;
    private long _sequence;
    private long _resyncs;

    /// <summary>Creates a feed with <paramref name="options"/>, pacing state messages by <paramref name="time"/>.</summary>
    public LiveFeed(LiveOptions options, TimeProvider time)
    {
        _capacity = (int)Math.Min(1 << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, options.BacklogPerScope)));
        _stateInterval = (long)(options.StateInterval.TotalSeconds * time.TimestampFrequency);
        _time = time;
    }

    /// <summary>Whether some connection follows one of <paramref name="scopes"/> (a message to none of them is dropped).</summary>
    public bool IsFollowed(IReadOnlyList<string> scopes)
    {
        lock (_gate)
        {
            foreach (var scope in scopes)
            {
                if (_logs.ContainsKey(scope)) return true;
            }
            return false;
        }
    }

    /// <summary>Appends <paramref name="message"/> to the logs of its followed scopes and wakes their waiting readers.</summary>
    public void Publish(LiveMessage message)
    {
        lock (_gate)
        {
            LivePush? push = null;
            foreach (var scope in message.Scopes)
            {
                if (!_logs.TryGetValue(scope, out var logs)) continue;
                push ??= new LivePush(++_sequence, message);
                (message.CoalesceKey is null ? logs.Events : logs.States).Append(push);
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="connectionId"/> follow <paramref name="scope"/> from now on (a scope it already follows keeps
    /// its place). Returns the subscriber and whether it is new, i.e. needs a sender.
    /// </summary>
    public (LiveSubscriber Subscriber, bool IsNew) Subscribe(string connectionId, string scope)
    {
        lock (_gate)
        {
            var isNew = !_subscribers.TryGetValue(connectionId, out var subscriber);
            if (subscriber is null) _subscribers.Add(connectionId, subscriber = new LiveSubscriber(connectionId));
            if (subscriber.Cursors.Exists(c => c.Log.Scope == scope)) return (subscriber, isNew);
            if (!_logs.TryGetValue(scope, out var logs))
                _logs.Add(scope, logs = new ScopeLogs(new ScopeLog(scope, _capacity, holdsState: false), new ScopeLog(scope, _capacity, holdsState: true)));
            foreach (var log in (ReadOnlySpan<ScopeLog>)[logs.Events, logs.States])
            {
                var cursor = new LiveCursor(subscriber, log, log.End);
                log.Cursors.Add(cursor);
                subscriber.Cursors.Add(cursor);
            }
            // A sender waiting on its other logs must also wait on this one.
            subscriber.Wake(isEvent: true);
            return (subscriber, isNew);
        }
    }

    /// <summary>Stops <paramref name="connectionId"/> following <paramref name="scope"/>.</summary>
    public void Unsubscribe(string connectionId, string scope)
    {
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(connectionId, out var subscriber)) return;
            foreach (var cursor in subscriber.Cursors.FindAll(c => c.Log.Scope == scope))
            {
                subscriber.Cursors.Remove(cursor);
                Leave(subscriber, cursor.Log);
            }
        }
    }

    /// <summary>Forgets <paramref name="connectionId"/> (it disconnected): its sender ends, its logs let go of it.</summary>
    public void Disconnect(string connectionId)
    {
        lock (_gate)
        {
            if (!_subscribers.Remove(connectionId, out var subscriber)) return;
            foreach (var cursor in subscriber.Cursors) Leave(subscriber, cursor.Log);
            subscriber.Cursors.Clear();
            subscriber.Close();
        }
    }

    /// <summary>
    /// What <paramref name="subscriber"/> sends next: messages (added to <paramref name="into"/>, at most
    /// <see cref="MaxBatch"/>), a resync (it fell behind: what it missed is gone, its places moved to now), or a wait.
    /// </summary>
    public LiveTake Take(LiveSubscriber subscriber, List<LivePush> into)
    {
        lock (_gate)
        {
            if (subscriber.Closed.IsCancellationRequested) return LiveTake.Closed;
            long missedEvents = 0, missedStates = 0;
            foreach (var cursor in subscriber.Cursors)
            {
                if (cursor.Position >= cursor.Log.First) continue;
                if (cursor.Log.HoldsState) missedStates += cursor.Log.End - cursor.Position;
                else missedEvents += cursor.Log.End - cursor.Position;
            }
            if (missedEvents + missedStates > 0)
            {
                // Behind on events: start again from now. Behind on state only: skip the state (the reload brings it) and
                // keep the events not yet sent, which go out after the resync.
                foreach (var cursor in subscriber.Cursors)
                {
                    if (missedEvents > 0 || cursor.Log.HoldsState) cursor.Position = cursor.Log.End;
                }
                _resyncs++;
                return LiveTake.Resync(missedEvents + missedStates);
            }

            bool eventPending = false, statePending = false;
            foreach (var cursor in subscriber.Cursors)
            {
                if (cursor.Position >= cursor.Log.End) continue;
                if (cursor.Log.HoldsState) statePending = true;
                else eventPending = true;
            }
            var now = _time.GetTimestamp();
            var takeStates = statePending && now >= subscriber.StatesDueAt;
            if (!eventPending && !takeStates)
            {
                // Nothing to send, or only state that must wait out the interval (unless an event comes first).
                var wait = subscriber.BeginWait(eventOnly: statePending);
                foreach (var cursor in subscriber.Cursors) cursor.Log.AddWaiting(subscriber);
                return LiveTake.Wait(wait, statePending ? _time.GetElapsedTime(now, subscriber.StatesDueAt) : null);
            }

            // Events go out at once and on their own; state waits for its interval, then goes out with the events in
            // publication order. A burst of state (thousands of complaint, score and KPI updates) so never stands between
            // an alert and the screen, and what waits is coalesced to the newest per key.
            var sentState = false;
            var last = 0L;
            while (into.Count < MaxBatch && Oldest(subscriber, takeStates) is { } cursor)
            {
                var position = cursor.Position++;
                var push = cursor.Log.At(position);
                if (push.Sequence == last) continue;
                last = push.Sequence;
                if (push.Message.CoalesceKey is { } key)
                {
                    if (cursor.Log.IsSuperseded(key, position)) continue;
                    sentState = true;
                }
                into.Add(push);
            }
            // The interval starts once the connection has caught up on state: a backlog goes out in consecutive batches.
            if (sentState && !subscriber.Cursors.Exists(c => c.Log.HoldsState && c.Position < c.Log.End)) subscriber.StatesDueAt = now + _stateInterval;
            // Read pushes are let go at once: a payload every follower has read is garbage while it is young, and is not
            // carried into older generations by a log that keeps it until its slot is needed.
            foreach (var cursor in subscriber.Cursors) cursor.Log.ReleaseRead();
            return LiveTake.Send;
        }
    }

    /// <summary>What the live connections have not yet received, for operators.</summary>
    public LiveBacklog Backlog()
    {
        lock (_gate)
        {
            long pending = 0, deepest = 0, kept = 0;
            foreach (var subscriber in _subscribers.Values)
            {
                long behind = 0;
                foreach (var cursor in subscriber.Cursors) behind += cursor.Log.End - Math.Max(cursor.Position, cursor.Log.First);
                pending += behind;
                deepest = Math.Max(deepest, behind);
            }
            foreach (var logs in _logs.Values) kept += logs.Events.Count + logs.States.Count;
            return new LiveBacklog(_subscribers.Count, _logs.Count, pending, deepest, kept, _resyncs, _capacity);
        }
    }

    /// <summary>Per followed scope, the most messages any of its connections has not yet received (for the push backlog metric).</summary>
    public IReadOnlyList<(string Scope, long Deepest)> BacklogByScope()
    {
        lock (_gate)
        {
            var deepest = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var subscriber in _subscribers.Values)
            {
                foreach (var cursor in subscriber.Cursors)
                {
                    var behind = cursor.Log.End - Math.Max(cursor.Position, cursor.Log.First);
                    deepest[cursor.Log.Scope] = Math.Max(deepest.GetValueOrDefault(cursor.Log.Scope), behind);
                }
            }
            return deepest.Select(p => (p.Key, p.Value)).ToList();
        }
    }

    /// <summary>The cursor whose next push is the oldest published (of events only unless <paramref name="withStates"/>), or null when all are read.</summary>
    private static LiveCursor? Oldest(LiveSubscriber subscriber, bool withStates)
    {
        LiveCursor? oldest = null;
        foreach (var cursor in subscriber.Cursors)
        {
            if (cursor.Position >= cursor.Log.End || (cursor.Log.HoldsState && !withStates)) continue;
            if (oldest is null || cursor.Log.At(cursor.Position).Sequence < oldest.Log.At(oldest.Position).Sequence) oldest = cursor;
        }
        return oldest;
    }

    private void Leave(LiveSubscriber subscriber, ScopeLog log)
    {
        log.Remove(subscriber);
        // Nobody follows the scope any more: its messages are no longer kept at all.
        if (_logs.TryGetValue(log.Scope, out var logs) && logs.Events.Cursors.Count == 0 && logs.States.Cursors.Count == 0) _logs.Remove(log.Scope);
    }

    /// <summary>A followed scope's two logs.</summary>
    private sealed record ScopeLogs(ScopeLog Events, ScopeLog States);
}

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

/// <summary>The kinds of <see cref="LiveTake"/>.</summary>
public enum LiveTakeKind
{
    /// <summary>Send the messages taken.</summary>
    Send,
    /// <summary>Tell the client it fell behind.</summary>
    Resync,
    /// <summary>Nothing to send yet.</summary>
    Wait,
    /// <summary>The connection is gone.</summary>
    Closed,
}

/// <summary>The live connections' backlog, as <c>/health/runtime</c> reports it.</summary>
/// <param name="Subscribers">Connections following at least one scope.</param>
/// <param name="Scopes">Scopes followed by at least one connection.</param>
/// <param name="Pending">Messages not yet read, summed over connections (before coalescing).</param>
/// <param name="Deepest">The most messages one connection has not yet read.</param>
/// <param name="Kept">Messages held in memory across all scope logs.</param>
/// <param name="Resyncs">Times a connection fell behind and was told to reload, since start.</param>
/// <param name="PerScope">The most unread events, and the most unread state messages, kept for one scope.</param>
public sealed record LiveBacklog(int Subscribers, int Scopes, long Pending, long Deepest, long Kept, long Resyncs, int PerScope);

/// <summary>Live push settings (section <c>Live</c>).</summary>
public sealed class LiveOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Live";

    /// <summary>
    /// The most unread events, and the most unread state messages, kept per scope before the slowest reader is told to
    /// reload (rounded up to a power of two).
    /// </summary>
    public int BacklogPerScope { get; set; } = 16_384;

    /// <summary>The least time between two sends of state messages to one connection (events never wait for it).</summary>
    public TimeSpan StateInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The most bytes written to one connection and not yet taken by its socket before its sender waits. Larger lets a
    /// busy server (whose socket writes wait their turn on a loaded thread pool) send more per turn, at this much memory
    /// per stalled connection (SignalR's <c>TransportMaxBufferSize</c>).
    /// </summary>
    public long ConnectionBufferBytes { get; set; } = 1 << 20;

    /// <summary>
    /// The most recent warnings, breaches and escalations kept per scope for boards opened later
    /// (<c>GET /api/floor/alerts</c> …; a board's ticker shows 40).
    /// </summary>
    public int RecentAlertsPerScope { get; set; } = 40;

    /// <summary>What is wrong with these settings, naming each key (empty when they are usable).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BacklogPerScope < 1) errors.Add($"{SectionName}:{nameof(BacklogPerScope)} must be at least 1 (was {BacklogPerScope})");
        if (StateInterval < TimeSpan.Zero) errors.Add($"{SectionName}:{nameof(StateInterval)} must not be negative (was {StateInterval})");
        if (RecentAlertsPerScope is < 1 or > 1000) errors.Add($"{SectionName}:{nameof(RecentAlertsPerScope)} must be from 1 to 1000 (was {RecentAlertsPerScope})");
        if (ConnectionBufferBytes < 1024) errors.Add($"{SectionName}:{nameof(ConnectionBufferBytes)} must be at least 1024 (was {ConnectionBufferBytes})");
        return errors;
    }
}
