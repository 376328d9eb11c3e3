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
    // The keys of _logs, replaced whole when a scope is first followed or left (rare): every push asks whether anybody
    // follows its scopes, and asking under the feed's one lock made pushes wait on each other and on the senders.
    private volatile HashSet<string> _followed = new(StringComparer.Ordinal);
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
        var followed = _followed;
        foreach (var scope in scopes)
        {
            if (followed.Contains(scope)) return true;
        }
        return false;
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
            {
                _logs.Add(scope, logs = new ScopeLogs(new ScopeLog(scope, _capacity, holdsState: false), new ScopeLog(scope, _capacity, holdsState: true)));
                _followed = new HashSet<string>(_logs.Keys, StringComparer.Ordinal);
            }
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
        if (_logs.TryGetValue(log.Scope, out var logs) && logs.Events.Cursors.Count == 0 && logs.States.Cursors.Count == 0)
        {
            _logs.Remove(log.Scope);
            _followed = new HashSet<string>(_logs.Keys, StringComparer.Ordinal);
        }
    }

    /// <summary>A followed scope's two logs.</summary>
    private sealed record ScopeLogs(ScopeLog Events, ScopeLog States);
}
