using Realtime.Grains.Live;
using Realtime.Server.Live;
using Realtime.Testing;

namespace Realtime.Server.Tests.Live;

/// <summary>
/// What each live connection is sent, and when: in publication order, each message once, the newest state last, events
/// at once and state paced; and a connection that stops reading holds back nobody else and costs bounded memory.
/// </summary>
public sealed class LiveFeedTests
{
    private static readonly TimeSpan StateInterval = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _time = new();
    private readonly LiveFeed _feed;

    public LiveFeedTests() => _feed = new LiveFeed(new LiveOptions { BacklogPerScope = 64, StateInterval = StateInterval }, _time);

    private static LiveMessage Breach(string complaint, params string[] scopes) => new(LiveMethods.SlaBreached, complaint, scopes);

    private static LiveMessage Changed(string complaint, int version, params string[] scopes) =>
        new(LiveMethods.ComplaintChanged, $"{complaint}@{version}", scopes, "complaint:" + complaint);

    /// <summary>Everything the subscriber would send now, in order, as "method payload" (resyncs as "resync N").</summary>
    private List<string> Drain(LiveSubscriber subscriber)
    {
        var sent = new List<string>();
        var batch = new List<LivePush>();
        while (true)
        {
            batch.Clear();
            var next = _feed.Take(subscriber, batch);
            if (next.Kind == LiveTakeKind.Resync) sent.Add($"resync {next.Missed}");
            else if (next.Kind == LiveTakeKind.Send) sent.AddRange(batch.Select(p => $"{p.Message.Method} {p.Message.Payload}"));
            else return sent;
        }
    }

    [Fact]
    public void A_connection_gets_its_scopes_messages_in_publication_order_each_once()
    {
        var (wallboard, _) = _feed.Subscribe("c1", LiveScopes.Floor);
        _feed.Subscribe("c1", LiveScopes.Team("T1"));
        var (other, _) = _feed.Subscribe("c2", LiveScopes.Team("T2"));

        _feed.Publish(Breach("C1", LiveScopes.Floor, LiveScopes.Team("T1"), LiveScopes.Agent("A1")));
        _feed.Publish(Breach("C2", LiveScopes.Team("T1")));
        _feed.Publish(Breach("C3", LiveScopes.Floor, LiveScopes.Team("T2")));
        _feed.Publish(Breach("C4", LiveScopes.Agent("A1")));
        _feed.Publish(Breach("C5", LiveScopes.Team("T1"), LiveScopes.Floor));

        Assert.Equal(["slaBreached C1", "slaBreached C2", "slaBreached C3", "slaBreached C5"], Drain(wallboard));
        Assert.Equal(["slaBreached C3"], Drain(other));
    }

    [Fact]
    public void Subscribing_starts_at_now_and_subscribing_again_keeps_the_place()
    {
        _feed.Publish(Breach("before", LiveScopes.Floor));
        var (board, isNew) = _feed.Subscribe("c1", LiveScopes.Floor);
        Assert.True(isNew);
        _feed.Publish(Breach("C1", LiveScopes.Floor));
        var (again, isNewAgain) = _feed.Subscribe("c1", LiveScopes.Floor);

        Assert.Same(board, again);
        Assert.False(isNewAgain);
        Assert.Equal(["slaBreached C1"], Drain(board));
    }

    [Fact]
    public void A_burst_of_state_goes_out_as_its_first_and_its_latest_while_events_go_out_at_once_ahead_of_it()
    {
        var (board, _) = _feed.Subscribe("c1", LiveScopes.Floor);

        _feed.Publish(Changed("C1", 1, LiveScopes.Floor));
        Assert.Equal(["complaintChanged C1@1"], Drain(board));
        for (var version = 2; version <= 50; version++) _feed.Publish(Changed("C1", version, LiveScopes.Floor));
        _feed.Publish(Changed("C2", 1, LiveScopes.Floor));

        // Within the interval state waits, and says for how long.
        var wait = _feed.Take(board, []);
        Assert.Equal(LiveTakeKind.Wait, wait.Kind);
        Assert.Equal(StateInterval, wait.AtMost);
        Assert.False(wait.Until!.IsCompleted);

        // Another state does not end the wait; an event does, and goes out at once, alone: the waiting state is not
        // dragged along in front of it.
        _feed.Publish(Changed("C1", 51, LiveScopes.Floor));
        Assert.False(wait.Until.IsCompleted);
        _feed.Publish(Breach("C1", LiveScopes.Floor));
        Assert.True(wait.Until.IsCompleted);
        Assert.Equal(["slaBreached C1"], Drain(board));

        // The state goes out when its interval has passed, the newest of each key, in publication order.
        _time.Advance(StateInterval);
        Assert.Equal(["complaintChanged C2@1", "complaintChanged C1@51"], Drain(board));

        // Once the interval has passed again, state goes out at once.
        _feed.Publish(Changed("C1", 52, LiveScopes.Floor));
        Assert.Empty(Drain(board));
        _time.Advance(StateInterval);
        Assert.Equal(["complaintChanged C1@52"], Drain(board));
    }

    [Fact]
    public void A_steady_stream_of_alerts_neither_waits_for_state_nor_starves_it()
    {
        var (board, _) = _feed.Subscribe("c1", LiveScopes.Floor);
        var received = new List<string>();
        // Five breaches a tick, each with its complaint's change, for one and a half intervals: every alert goes out in
        // the take after it, and the changes go out once per interval, ordered with the alerts of that take.
        var tick = StateInterval / 10;
        for (var t = 0; t < 15; t++)
        {
            for (var i = 0; i < 5; i++)
            {
                _feed.Publish(Breach($"C{t}-{i}", LiveScopes.Floor));
                _feed.Publish(Changed($"C{t}-{i}", 2, LiveScopes.Floor));
            }
            var sent = Drain(board);
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"slaBreached C{t}-{i}"), sent.Where(m => m.StartsWith("sla", StringComparison.Ordinal)));
            received.AddRange(sent);
            _time.Advance(tick);
        }
        _time.Advance(StateInterval);
        received.AddRange(Drain(board));

        Assert.Equal(75, received.Count(m => m.StartsWith("slaBreached", StringComparison.Ordinal)));
        Assert.Equal(75, received.Count(m => m.StartsWith("complaintChanged", StringComparison.Ordinal)));
        Assert.DoesNotContain(received, m => m.StartsWith("resync", StringComparison.Ordinal));
        // The changes of the first interval went out together once it had passed, after the alerts published since.
        Assert.True(received.IndexOf("complaintChanged C1-0@2") > received.IndexOf("slaBreached C9-4"));
        Assert.True(received.IndexOf("complaintChanged C1-0@2") < received.IndexOf("slaBreached C11-0"));
    }

    [Fact]
    public void What_every_follower_has_read_is_let_go()
    {
        var (first, _) = _feed.Subscribe("c1", LiveScopes.Floor);
        var (second, _) = _feed.Subscribe("c2", LiveScopes.Floor);
        for (var i = 0; i < 60; i++) _feed.Publish(Breach($"C{i}", LiveScopes.Floor));
        Assert.Equal(60, _feed.Backlog().Kept);

        Assert.Equal(60, Drain(first).Count);
        Assert.Equal(60, _feed.Backlog().Kept);
        Assert.Equal(60, Drain(second).Count);
        Assert.Equal(0, _feed.Backlog().Kept);
    }

    [Fact]
    public void A_backlog_of_state_longer_than_a_batch_goes_out_at_once_in_consecutive_batches()
    {
        var feed = new LiveFeed(new LiveOptions { StateInterval = StateInterval }, _time);
        var (board, _) = feed.Subscribe("c1", LiveScopes.Floor);
        for (var i = 0; i < 3 * LiveFeed.MaxBatch; i++) feed.Publish(Changed($"C{i}", 1, LiveScopes.Floor));

        var batch = new List<LivePush>();
        for (var taken = 0; taken < 3; taken++)
        {
            batch.Clear();
            Assert.Equal(LiveTakeKind.Send, feed.Take(board, batch).Kind);
            Assert.Equal(LiveFeed.MaxBatch, batch.Count);
        }

        // Caught up: now the interval applies.
        feed.Publish(Changed("C0", 2, LiveScopes.Floor));
        Assert.Equal(LiveTakeKind.Wait, feed.Take(board, []).Kind);
    }

    [Fact]
    public void A_connection_that_stops_reading_holds_back_nobody_and_is_told_to_reload_when_it_reads_again()
    {
        var (fast, _) = _feed.Subscribe("fast", LiveScopes.Floor);
        var (stalled, _) = _feed.Subscribe("stalled", LiveScopes.Floor);
        Assert.Empty(Drain(stalled));

        for (var i = 0; i < 1_000; i++)
        {
            _feed.Publish(Breach($"C{i}", LiveScopes.Floor));
            Assert.Equal([$"slaBreached C{i}"], Drain(fast));
            Assert.InRange(_feed.Backlog().Kept, 1, 64);
        }

        var backlog = _feed.Backlog();
        Assert.Equal(64, backlog.Deepest);
        Assert.Equal(0, backlog.Resyncs);
        Assert.Equal(["resync 1000"], Drain(stalled));
        Assert.Equal(1, _feed.Backlog().Resyncs);

        // After the resync it follows from now, like a fresh subscriber.
        _feed.Publish(Breach("after", LiveScopes.Floor));
        Assert.Equal(["slaBreached after"], Drain(stalled));
        Assert.Equal(["slaBreached after"], Drain(fast));
        Assert.Equal(0, _feed.Backlog().Pending);
    }

    [Fact]
    public void A_connection_behind_on_state_only_is_told_to_reload_and_still_gets_every_event()
    {
        // A breach storm: each breach comes with state updates of distinct keys (complaint, scores, KPIs), far more of
        // them than a scope keeps for a reader that is behind.
        var (board, _) = _feed.Subscribe("board", LiveScopes.Floor);
        for (var i = 0; i < 50; i++)
        {
            _feed.Publish(Changed($"C{i}", 1, LiveScopes.Floor));
            _feed.Publish(Breach($"C{i}", LiveScopes.Floor));
            for (var s = 0; s < 5; s++) _feed.Publish(Changed($"C{i}-score{s}", 1, LiveScopes.Floor));
        }

        var sent = Drain(board);
        Assert.Equal("resync 300", sent[0]);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"slaBreached C{i}"), sent.Skip(1));
        Assert.Equal(1, _feed.Backlog().Resyncs);

        // Behind on events as well: those are gone too, and it starts again from now.
        for (var i = 0; i < 100; i++) _feed.Publish(Breach($"D{i}", LiveScopes.Floor));
        Assert.Equal(["resync 100"], Drain(board));
        _feed.Publish(Breach("after", LiveScopes.Floor));
        Assert.Equal(["slaBreached after"], Drain(board));
    }

    [Fact]
    public void A_waiting_sender_wakes_for_a_publish_on_any_of_its_scopes_and_on_disconnect()
    {
        var (board, _) = _feed.Subscribe("c1", LiveScopes.Floor);
        var idle = _feed.Take(board, []);
        Assert.Equal(LiveTakeKind.Wait, idle.Kind);
        Assert.Null(idle.AtMost);
        _feed.Publish(Breach("elsewhere", LiveScopes.Team("T9")));
        Assert.False(idle.Until!.IsCompleted);

        // Following one more scope makes the sender start waiting on it too.
        _feed.Subscribe("c1", LiveScopes.Team("T9"));
        Assert.True(idle.Until.IsCompleted);
        var onBoth = _feed.Take(board, []);
        _feed.Publish(Breach("C1", LiveScopes.Team("T9")));
        Assert.True(onBoth.Until!.IsCompleted);
        Assert.Equal(["slaBreached C1"], Drain(board));

        var last = _feed.Take(board, []);
        _feed.Disconnect("c1");
        Assert.True(last.Until!.IsCompleted);
        Assert.Equal(LiveTakeKind.Closed, _feed.Take(board, []).Kind);
    }

    [Theory]
    [InlineData("Checkpoints:Interval", "00:00:00", "Checkpoints:Interval must be positive (was 00:00:00)")]
    [InlineData("Checkpoints:DeferredStageDelay", "-00:00:01", "Checkpoints:DeferredStageDelay must not be negative (was -00:00:01)")]
    [InlineData("Ingest:MaxBodyBytes", "-1", "Ingest:MaxBodyBytes must be positive (was -1)")]
    public async Task A_bad_checkpoint_or_ingest_setting_stops_the_server_naming_its_key_and_value(string key, string value, string message)
    {
        await using var bad = new RealtimeApp(new() { [key] = value });
        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient()).ToString();
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_live_setting_stops_the_server_naming_its_key()
    {
        await using var bad = new RealtimeApp(new() { ["Live:BacklogPerScope"] = "0", ["Live:ConnectionBufferBytes"] = "10" });
        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient()).ToString();
        Assert.Contains("Live:BacklogPerScope", error, StringComparison.Ordinal);
        Assert.Contains("Live:ConnectionBufferBytes", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Live:StateInterval", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scopes_nobody_follows_keep_nothing()
    {
        for (var i = 0; i < 100; i++) _feed.Publish(Changed($"C{i}", 1, LiveScopes.Floor, LiveScopes.Team("T1")));
        Assert.Equal(new LiveBacklog(0, 0, 0, 0, 0, 0, 64), _feed.Backlog());

        var (board, _) = _feed.Subscribe("c1", LiveScopes.Team("T1"));
        _feed.Publish(Changed("C1", 2, LiveScopes.Floor, LiveScopes.Team("T1")));
        Assert.Equal(1, _feed.Backlog().Kept);
        _feed.Unsubscribe("c1", LiveScopes.Team("T1"));

        Assert.Equal(new LiveBacklog(1, 0, 0, 0, 0, 0, 64), _feed.Backlog());
        Assert.Empty(Drain(board));
    }
}
