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

    public static CaseTimeline Build(CaseState state, CasePolicy policy)
    {
        var timeline = new CaseTimeline(policy.ClocksOf(state.CaseType));
        foreach (var e in state.Events)
            timeline.Apply(e);
        return timeline;
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
