using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;

namespace Realtime.Domain.Complaints;

/// <summary>
/// A complaint's history replayed in time order: status, each clock's running intervals, when it was resolved,
/// and the escalation chain (automatic levels from the first escalating breach, manual levels from events).
/// Rebuilt whenever an event is applied, so late and out-of-order events land where they belong.
/// </summary>
internal sealed class ComplaintTimeline
{
    private readonly List<(DateTimeOffset ResolvedAt, DateTimeOffset? ReopenedAt)> _resolutions = [];
    private readonly List<(DateTimeOffset At, int Level)> _manualLevels = [];
    private readonly List<(int Level, DateTimeOffset At)> _autoLevels = [];

    // Per escalating track (null for the others): its segments not stopped, so the chain can tell when a breached clock stopped.
    private readonly TrackLife?[] _lives;

    private ComplaintTimeline(IReadOnlyList<ClockTrack> tracks)
    {
        Tracks = tracks;
        _lives = new TrackLife?[tracks.Count];
        for (var i = 0; i < tracks.Count; i++)
            _lives[i] = tracks[i].Policy.Escalates ? new TrackLife() : null;
    }

    /// <summary>One track per policy clock, in policy order.</summary>
    public IReadOnlyList<ClockTrack> Tracks { get; }
    public ComplaintStatus Status { get; private set; } = ComplaintStatus.Open;
    public DateTimeOffset? OpenedAt { get; private set; }

    /// <summary>The levels the chain climbs automatically, ascending, with the instant each is reached.</summary>
    public IReadOnlyList<(int Level, DateTimeOffset At)> AutoLevels => _autoLevels;

    /// <summary>The level set by the latest <c>complaint.escalated</c> event at or before <paramref name="at"/>.</summary>
    public int ManualLevelAt(DateTimeOffset at)
    {
        // Every view asks; a loop, not a closure and an iterator per call.
        for (var i = _manualLevels.Count - 1; i >= 0; i--)
        {
            if (_manualLevels[i].At <= at)
                return _manualLevels[i].Level;
        }
        return 0;
    }

    /// <summary>The level set by the latest <c>complaint.escalated</c> event of all.</summary>
    public int ManualLevelFinal => _manualLevels.Count == 0 ? 0 : _manualLevels[^1].Level;

    public int AutoLevelAt(DateTimeOffset at)
    {
        for (var i = _autoLevels.Count - 1; i >= 0; i--)
        {
            if (_autoLevels[i].At <= at)
                return _autoLevels[i].Level;
        }
        return 0;
    }

    public static ComplaintTimeline Build(ComplaintState state, SlaPolicy policy)
    {
        var timeline = new ComplaintTimeline(policy.Clocks.Select(c => new ClockTrack(c)).ToArray());
        var escalations = new List<(DateTimeOffset At, int? Level)>();
        foreach (var e in state.Events)
        {
            timeline.ApplyLifecycle(e);
            if (e.Type == EventType.ComplaintEscalated)
                escalations.Add((e.OccurredAt, e.Level));
        }
        timeline.ScheduleAutoLevels(state.Severity, policy.Escalation);
        foreach (var (at, requested) in escalations)
        {
            // The event raises the level relative to where the chain stood at its own instant, so replay gives the same answer.
            var current = Math.Max(timeline.ManualLevelAt(at), timeline.AutoLevelAt(at));
            var level = Math.Clamp(Math.Max(current, requested ?? current + 1), 0, EscalationPolicy.TopLevel);
            timeline._manualLevels.Add((at, level));
        }
        return timeline;
    }

    private void ApplyLifecycle(ComplaintEventEntry e)
    {
        var at = e.OccurredAt;
        switch (e.Type)
        {
            case EventType.ComplaintOpened:
                OpenedAt ??= at;
                break;
            case EventType.ComplaintPaused when Status == ComplaintStatus.Open:
                Status = ComplaintStatus.Paused;
                foreach (var track in Tracks.Where(t => t.Policy.Pausable))
                    track.Pause(at);
                break;
            case EventType.ComplaintResumed when Status == ComplaintStatus.Paused:
                Status = ComplaintStatus.Open;
                foreach (var track in Tracks.Where(t => t.Policy.Pausable))
                    track.Resume(at);
                break;
            case EventType.ComplaintResolved when Status != ComplaintStatus.Resolved:
                Status = ComplaintStatus.Resolved;
                _resolutions.Add((at, null));
                // A resolved complaint awaits nothing, so every clock stops here, whatever its own stop event.
                for (var i = 0; i < Tracks.Count; i++)
                {
                    if (Tracks[i].Started && !Tracks[i].Stopped)
                        StopTrack(i, at);
                }
                break;
            case EventType.ComplaintReopened when Status == ComplaintStatus.Resolved:
                Status = ComplaintStatus.Open;
                _resolutions[^1] = (_resolutions[^1].ResolvedAt, at);
                // Reopening undoes a resolution, so only clocks that resolution is meant to stop count again.
                for (var i = 0; i < Tracks.Count; i++)
                {
                    if (Tracks[i].Stopped && Tracks[i].Policy.StopEvent == EventType.ComplaintResolved)
                        ReopenTrack(i, at);
                }
                break;
        }

        for (var i = 0; i < Tracks.Count; i++)
        {
            var track = Tracks[i];
            if (!track.Started && e.Type == track.Policy.StartEvent && Status != ComplaintStatus.Resolved)
            {
                track.Start(at, paused: track.Policy.Pausable && Status == ComplaintStatus.Paused);
                _lives[i]?.Segments.Add((at, null));
            }
            else if (track.Started && !track.Stopped && e.Type == track.Policy.StopEvent)
            {
                StopTrack(i, at);
            }
        }
    }

    private void StopTrack(int index, DateTimeOffset at)
    {
        Tracks[index].Stop(at);
        if (_lives[index] is { Segments: { Count: > 0 } segments })
            segments[^1] = (segments[^1].From, at);
    }

    private void ReopenTrack(int index, DateTimeOffset at)
    {
        var track = Tracks[index];
        if (_lives[index] is { } life)
        {
            // A restart ends the run: what it counted after its breach is kept, its segments start over.
            if (track.Policy.OnReopen == ReopenRule.Restart)
            {
                life.CollectBreached(track.Reach(track.Policy.Target));
                life.Segments.Clear();
            }
            life.Segments.Add((at, null));
        }
        track.Reopen(at);
    }

    private void ScheduleAutoLevels(Severity severity, EscalationPolicy escalation)
    {
        var firstLevel = severity == Severity.High ? (int)EscalationRole.DeputyDirector : (int)EscalationRole.TeamLead;
        var steps = Math.Min(escalation.Delays.Count, EscalationPolicy.TopLevel - firstLevel + 1);
        if (escalation.StopWhenClockStops)
        {
            ScheduleLevelsPerClock(firstLevel, steps, escalation);
            return;
        }

        // Built at every activation (a reminder's too): plain loops, no iterators.
        DateTimeOffset? firstBreach = null;
        WorkingCalendar? calendar = null;
        foreach (var track in Tracks)
        {
            if (!track.Policy.Escalates)
                continue;
            foreach (var breach in track.EarlierBreaches)
                Consider(breach, track);
            if (track.Reach(track.Policy.Target) is { } current)
                Consider(current, track);
        }
        if (firstBreach is not { } start)
            return;

        for (var i = 0; i < steps; i++)
        {
            var reached = calendar is null ? start + escalation.Delays[i] : calendar.AddWorkingTime(start, escalation.Delays[i]);
            if (FirstUnresolvedInstant(reached) is not { } at)
                break;
            _autoLevels.Add((firstLevel + i, at));
        }

        // The earliest breach starts the chain, which climbs in the working time of that breach's clock (24×7 without a calendar).
        void Consider(DateTimeOffset breach, ClockTrack track)
        {
            if (firstBreach is { } f && f <= breach)
                return;
            firstBreach = breach;
            calendar = track.Policy.Calendar;
        }
    }

    /// <summary>
    /// Each escalating clock climbs its own chain from its first breach, only while it is breached and not stopped
    /// (a stop holds the climb until a reopen lets it count again); a level is reached when the first clock reaches it.
    /// So a first response given late escalates no further, while a later resolution breach still climbs from its own breach.
    /// </summary>
    private void ScheduleLevelsPerClock(int firstLevel, int steps, EscalationPolicy escalation)
    {
        Span<DateTimeOffset?> reached = stackalloc DateTimeOffset?[EscalationPolicy.TopLevel];
        for (var t = 0; t < Tracks.Count; t++)
        {
            var track = Tracks[t];
            if (_lives[t] is not { } life || FirstBreach(track) is not { } start)
                continue;
            life.CollectBreached(track.Reach(track.Policy.Target));
            for (var i = 0; i < steps; i++)
            {
                var due = track.Policy.Calendar is { } calendar ? calendar.AddWorkingTime(start, escalation.Delays[i]) : start + escalation.Delays[i];
                if (FirstInstantIn(life.Breached, due) is not { } at)
                    break;
                reached[i] = Earlier(reached[i], at);
            }
        }
        for (var i = 0; i < steps && reached[i] is { } at; i++)
            _autoLevels.Add((firstLevel + i, at));
    }

    private static DateTimeOffset? FirstBreach(ClockTrack track)
    {
        DateTimeOffset? first = null;
        foreach (var breach in track.EarlierBreaches)
            first = Earlier(first, breach);
        return track.Reach(track.Policy.Target) is { } current ? Earlier(first, current) : first;
    }

    /// <summary>
    /// <paramref name="at"/> itself if it lies in one of <paramref name="intervals"/> (breached and not stopped); otherwise
    /// the start of the first interval after it, or null when there is none (the chain stops climbing).
    /// </summary>
    private static DateTimeOffset? FirstInstantIn(List<(DateTimeOffset From, DateTimeOffset? To)> intervals, DateTimeOffset at)
    {
        DateTimeOffset? first = null;
        foreach (var (from, to) in intervals)
        {
            if (to is { } end && end <= at)
                continue;
            var candidate = from > at ? from : at;
            if (first is null || candidate < first)
                first = candidate;
        }
        return first;
    }

    private static DateTimeOffset Earlier(DateTimeOffset? first, DateTimeOffset other) => first is { } f && f <= other ? f : other;

    private static DateTimeOffset? Earlier(DateTimeOffset? first, DateTimeOffset? other) => other is { } o ? Earlier(first, o) : first;

    /// <summary>
    /// <paramref name="at"/> itself if the complaint is not resolved then; otherwise the reopen that ends that resolution,
    /// or null when it stays resolved (the chain stops climbing).
    /// </summary>
    private DateTimeOffset? FirstUnresolvedInstant(DateTimeOffset at)
    {
        foreach (var (resolvedAt, reopenedAt) in _resolutions)
        {
            if (at >= resolvedAt && (reopenedAt is null || at < reopenedAt))
                return reopenedAt;
        }
        return at;
    }
}

