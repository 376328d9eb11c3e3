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

    private ComplaintTimeline(IReadOnlyList<ClockTrack> tracks) => Tracks = tracks;

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
                foreach (var track in Tracks.Where(t => t.Started && !t.Stopped))
                    track.Stop(at);
                break;
            case EventType.ComplaintReopened when Status == ComplaintStatus.Resolved:
                Status = ComplaintStatus.Open;
                _resolutions[^1] = (_resolutions[^1].ResolvedAt, at);
                // Reopening undoes a resolution, so only clocks that resolution is meant to stop count again.
                foreach (var track in Tracks.Where(t => t.Stopped && t.Policy.StopEvent == EventType.ComplaintResolved))
                    track.Reopen(at);
                break;
        }

        foreach (var track in Tracks)
        {
            if (!track.Started && e.Type == track.Policy.StartEvent && Status != ComplaintStatus.Resolved)
                track.Start(at, paused: track.Policy.Pausable && Status == ComplaintStatus.Paused);
            else if (track.Started && !track.Stopped && e.Type == track.Policy.StopEvent)
                track.Stop(at);
        }
    }

    private void ScheduleAutoLevels(Severity severity, EscalationPolicy escalation)
    {
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

        var firstLevel = severity == Severity.High ? (int)EscalationRole.DeputyDirector : (int)EscalationRole.TeamLead;
        for (var i = 0; i < escalation.Delays.Count && firstLevel + i <= EscalationPolicy.TopLevel; i++)
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
