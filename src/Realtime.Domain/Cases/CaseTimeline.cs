using Realtime.Domain.Clocks;
using Realtime.Domain.Events;

namespace Realtime.Domain.Cases;

/// <summary>
/// A case's history replayed in time order: status, owner, attributes, step counts and each clock's running intervals.
/// Rebuilt whenever an event is applied, so late and out-of-order events land where they belong.
/// </summary>
internal sealed class CaseTimeline
{
    private readonly IReadOnlyList<CaseClockPolicy> _policies;
    private readonly bool[] _excluded;
    private readonly int[] _counted;
    private readonly Dictionary<string, CaseAttribute> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _steps = new(StringComparer.Ordinal);
    private readonly List<(int Level, DateTimeOffset At, string Clock)> _autoLevels = [];

    private CaseTimeline(IReadOnlyList<CaseClockPolicy> policies)
    {
        _policies = policies;
        Tracks = policies.Select(p => new ClockTrack(p.Clock)).ToArray();
        _excluded = new bool[policies.Count];
        _counted = new int[policies.Count];
    }

    /// <summary>One track per clock of the case's type, in policy order.</summary>
    public IReadOnlyList<ClockTrack> Tracks { get; }

    /// <summary>The tracks of the clocks that apply (not left out by their condition).</summary>
    public IEnumerable<ClockTrack> Applicable => Tracks.Where((_, i) => !_excluded[i]);

    public CaseStatus Status { get; private set; } = CaseStatus.Open;
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? TeamId { get; private set; }
    public string? AgentId { get; private set; }
    public IReadOnlyDictionary<string, CaseAttribute> Attributes => _attributes;
    public IReadOnlyDictionary<string, int> Steps => _steps;

    /// <summary>The levels the escalation chain climbs, ascending, with the instant each is reached and the clock that reached it.</summary>
    public IReadOnlyList<(int Level, DateTimeOffset At, string Clock)> AutoLevels => _autoLevels;

    /// <summary>The level the chain has reached at <paramref name="at"/>.</summary>
    public int AutoLevelAt(DateTimeOffset at)
    {
        for (var i = _autoLevels.Count - 1; i >= 0; i--)
        {
            if (_autoLevels[i].At <= at)
                return _autoLevels[i].Level;
        }
        return 0;
    }

    public static CaseTimeline Build(CaseState state, CasePolicy policy)
    {
        var timeline = new CaseTimeline(policy.ClocksOf(state.CaseType));
        foreach (var e in state.Events)
            timeline.Apply(e);
        timeline.ScheduleEscalation(policy.Escalation);
        return timeline;
    }

    /// <summary>
    /// As a complaint's chain: each escalating clock that breached climbs from its breach instant, each delay counted in its
    /// calendar's working time (24×7 without one), and a level is reached when the first clock reaches it. With
    /// <see cref="EscalationPolicy.StopWhenClockStops"/> a clock climbs only until it stops (met late, or the case closed;
    /// a pause holds no climb back, as for complaints), else until the case is closed. Cases are never reopened, so a
    /// stop ends the climb for good.
    /// </summary>
    private void ScheduleEscalation(EscalationPolicy escalation)
    {
        var steps = Math.Min(escalation.Delays.Count, EscalationPolicy.TopLevel);
        Span<(DateTimeOffset At, int Track)> reached = stackalloc (DateTimeOffset, int)[EscalationPolicy.TopLevel];
        reached.Fill((DateTimeOffset.MaxValue, -1));
        for (var t = 0; t < Tracks.Count; t++)
        {
            var track = Tracks[t];
            if (_excluded[t] || !track.Policy.Escalates || track.Reach(track.Policy.Target) is not { } breach)
                continue;
            var end = escalation.StopWhenClockStops ? track.StoppedAt : ClosedAt;
            for (var i = 0; i < steps; i++)
            {
                var due = track.Policy.Calendar is { } calendar ? calendar.AddWorkingTime(breach, escalation.Delays[i]) : breach + escalation.Delays[i];
                if (end is { } stop && stop <= due)
                    break;
                if (due < reached[i].At)
                    reached[i] = (due, t);
            }
        }
        for (var i = 0; i < steps && reached[i].Track >= 0; i++)
            _autoLevels.Add((i + 1, reached[i].At, Tracks[reached[i].Track].Policy.Name));
    }

    private void Apply(CaseEventEntry e)
    {
        var at = e.OccurredAt;
        // An explanation is recorded by whoever explains: it moves no owner and times nothing.
        if (e.Type == EventType.CaseBreachExplained)
            return;
        // The event's own attributes count at its instant: a step that reports the amount decides a clock it starts.
        foreach (var (key, value) in e.Attributes ?? new Dictionary<string, CaseAttribute>())
            _attributes[key] = value;
        TeamId = e.TeamId ?? TeamId;
        AgentId = e.AgentId ?? AgentId;
        if (e.Type == EventType.CaseStep && e.Step is { } step)
            _steps[step] = _steps.GetValueOrDefault(step) + 1;

        switch (e.Type)
        {
            case EventType.CaseOpened:
                OpenedAt ??= at;
                break;
            case EventType.CasePaused when Status == CaseStatus.Open:
                Status = CaseStatus.Paused;
                break;
            case EventType.CaseResumed when Status == CaseStatus.Paused:
                Status = CaseStatus.Open;
                break;
            case EventType.CaseClosed when Status != CaseStatus.Closed:
                Status = CaseStatus.Closed;
                ClosedAt = at;
                // A closed case awaits nothing, so every clock stops here, whatever its own stop event.
                foreach (var track in Tracks)
                {
                    if (track.Started && !track.Stopped)
                        track.Stop(at);
                }
                return;
        }

        for (var i = 0; i < Tracks.Count; i++)
        {
            var track = Tracks[i];
            var clock = _policies[i];
            if (_excluded[i] || track.Stopped)
                continue;
            if (!track.Started)
            {
                if (Status == CaseStatus.Closed || !clock.Start.Matches(e.Type, e.Step))
                    continue;
                if (clock.When is { } when && !when.Matches(_attributes))
                {
                    // The condition is judged once, at the start: the clock does not apply to this case.
                    _excluded[i] = true;
                    continue;
                }
                track.Start(at, paused: Status == CaseStatus.Paused && clock.Pause == CaseTrigger.Paused);
                continue;
            }
            if (clock.Stop.Matches(e.Type, e.Step)
                || (clock.Count is { } count && e.Type == EventType.CaseStep && e.Step == count.Step && ++_counted[i] >= count.AtLeast))
                track.Stop(at);
            else if (clock.Pause?.Matches(e.Type, e.Step) == true)
                track.Pause(at);
            else if (clock.Resume?.Matches(e.Type, e.Step) == true)
                track.Resume(at);
        }
    }
}
