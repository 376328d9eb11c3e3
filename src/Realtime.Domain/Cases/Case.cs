using Realtime.Domain.BreachCauses;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using Realtime.Domain.Policies;
using Realtime.Domain.Privacy;

namespace Realtime.Domain.Cases;

/// <summary>
/// A generic case (a claim, a follow-up …) and the clocks its type has under a <see cref="CasePolicy"/>. Like
/// <see cref="Complaint"/>, everything is computed from the events' own timestamps and time enters only as <c>now</c>:
/// <see cref="Apply"/> each event, <see cref="Advance"/> at <c>now</c> to collect due warnings and breaches, and wake up
/// again at <see cref="NextDueAt"/>. A breached case clock climbs the escalation chain as a complaint's does. Not thread-safe.
/// </summary>
public sealed class Case
{
    private CaseTimeline? _timeline;

    /// <summary>Wraps saved (or new) state; the state is mutated in place by <see cref="Apply"/> and <see cref="Advance"/>.</summary>
    public Case(CaseState state, CasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        State = state;
        Policy = policy;
    }

    /// <summary>A case that has seen no events yet.</summary>
    public static Case Create(string caseId, CasePolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        return new Case(new CaseState { Id = caseId }, policy);
    }

    /// <summary>The state to persist.</summary>
    public CaseState State { get; }

    /// <summary>The policy the clocks follow.</summary>
    public CasePolicy Policy { get; }

    /// <summary>Open, paused or closed, from the events in time order.</summary>
    public CaseStatus Status => Timeline.Status;

    /// <summary>The case's team (the latest event naming one, in time order).</summary>
    public string? TeamId => Timeline.TeamId;

    private CaseTimeline Timeline => _timeline ??= CaseTimeline.Build(State, Policy);

    /// <summary>
    /// Records a <c>case.*</c> event of this case at its place in time. Returns false, changing nothing, when an event with
    /// the same id was already applied.
    /// </summary>
    /// <exception cref="ArgumentException">The event is not a case event or belongs to another case.</exception>
    public bool Apply(FloorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!e.Type.IsCaseEvent())
            throw new ArgumentException($"{e.Type.ToWireName()} is not a case event.", nameof(e));
        if (string.IsNullOrEmpty(State.Id))
            State.Id = e.CaseId ?? throw new ArgumentException("The event names no case.", nameof(e));
        else if (!string.Equals(e.CaseId, State.Id, StringComparison.Ordinal))
            throw new ArgumentException($"Event {e.Id} is for case '{e.CaseId}', not '{State.Id}'.", nameof(e));
        if (State.Events.Exists(x => x.Id == e.Id))
            return false;

        var entry = e.Type == EventType.CaseBreachExplained
            ? new CaseEventEntry(e.Id, e.Type, e.OccurredAt, e.Sequence, AgentId: e.AgentId, ReasonCode: e.ReasonCode, Clock: e.Clock, Reason: e.Reason)
            : new CaseEventEntry(e.Id, e.Type, e.OccurredAt, e.Sequence, e.Step, e.AgentId, e.TeamId, e.Attributes);
        var index = State.Events.Count;
        while (index > 0 && Compare(State.Events[index - 1], entry) > 0)
            index--;
        State.Events.Insert(index, entry);
        if (e.Type == EventType.CaseOpened && e.CaseType is { } type && !State.Events.Take(index).Any(x => x.Type == EventType.CaseOpened))
            State.CaseType = type;
        _timeline = null;
        return true;
    }

    /// <summary>The case as users see it at <paramref name="now"/>.</summary>
    public CaseView View(DateTimeOffset now)
    {
        var timeline = Timeline;
        var attributes = timeline.Attributes.ToDictionary(p => p.Key, p => Masked(p.Key, p.Value), StringComparer.Ordinal);
        var level = Math.Max(HighestEscalationSignalled(), timeline.AutoLevelAt(now));
        return new CaseView(State.Id, State.CaseType, timeline.Status, timeline.TeamId, timeline.AgentId, timeline.OpenedAt, timeline.ClosedAt,
            attributes, timeline.Steps.ToDictionary(StringComparer.Ordinal), timeline.Applicable.Select(t => Complaint.ViewOf(t, now, VersionOf(t))).ToArray(),
            level, (EscalationRole)level);
    }

    /// <summary>
    /// This case's events replayed under <paramref name="policy"/> as seen at <paramref name="now"/>, on a copy of its state
    /// (this case is left as it is); signals already given are kept where the other policy gives them too, as for
    /// <see cref="Complaint.ReplayUnder"/>: escalation levels the other policy has reached by <paramref name="now"/> stay
    /// signalled (never climbed twice), higher ones are dropped and climbed again when that policy reaches them.
    /// </summary>
    public Case ReplayUnder(CasePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var replayed = new Case(State.Copy(), policy);
        var tracks = replayed.Timeline.Applicable.ToList();
        ClockTrack? Current(string clock, int cycle) => tracks.FirstOrDefault(t => t.Policy.Name == clock && t.Cycle == cycle);
        var state = replayed.State;
        state.Breaches = state.Breaches
            .Select(b => Current(b.Clock, b.Cycle) is { } t && t.Reach(t.Policy.Target) is { } at && at <= now ? b with { BreachedAt = at } : null)
            .OfType<BreachRecord>()
            .ToList();
        state.Warnings = state.Warnings
            .Where(w => Current(w.Clock, w.Cycle) is { } t && t.Reach(t.Policy.TimeAtFraction(w.Fraction)) is { } at && at <= now)
            .ToList();
        var level = replayed.Timeline.AutoLevelAt(now);
        state.Escalations = state.Escalations.Where(e => e.Level <= level).ToList();
        return replayed;
    }

    private string VersionOf(ClockTrack track)
    {
        foreach (var clock in Policy.Clocks)
        {
            if (ReferenceEquals(clock.Clock, track.Policy)) return PolicyVersion.Of(clock);
        }
        return PolicyVersion.Of(track.Policy);
    }

    /// <summary>The case's owner (the latest event naming one, in time order).</summary>
    public string? AgentId => Timeline.AgentId;

    /// <summary>Its team and owner at <paramref name="at"/>: from the latest event (in time) at or before it naming one; an explanation names none.</summary>
    public (string? TeamId, string? AgentId) OwnerAt(DateTimeOffset at)
    {
        string? team = null, agent = null;
        foreach (var e in State.Events)
        {
            if (e.OccurredAt > at) break;
            if (e.Type == EventType.CaseBreachExplained) continue;
            team = e.TeamId ?? team;
            agent = e.AgentId ?? agent;
        }
        return (team ?? TeamId, agent ?? AgentId);
    }

    /// <summary>Why its breaches happened, as recorded (<c>case.breachExplained</c>), in time order.</summary>
    public IReadOnlyList<BreachExplanation> Explanations =>
        State.Events.Where(e => e.Type == EventType.CaseBreachExplained && e.ReasonCode is not null)
            .Select(e => new BreachExplanation(e.Clock, e.ReasonCode!, e.Reason, e.OccurredAt, e.AgentId)).ToArray();

    /// <summary>Each applicable clock's state at <paramref name="now"/> and whether it has ended met or breached.</summary>
    public IReadOnlyList<ClockOutcome> Outcomes(DateTimeOffset now) =>
        Timeline.Applicable.Select(t => Complaint.ViewOf(t, now)).Select(v => new ClockOutcome(v.Name, v.State, v.StoppedAt, v.BreachedAt)).ToArray();

    /// <summary>
    /// The earliest instant a warning, breach or escalation level not yet returned by <see cref="Advance"/> is due; null when
    /// none is pending.
    /// </summary>
    public DateTimeOffset? NextDueAt()
    {
        DateTimeOffset? next = null;
        foreach (var track in Timeline.Applicable)
        {
            if (!track.Started || BreachSignalled(track))
                continue;
            Consider(ref next, track.Reach(track.Policy.Target));
            if (!track.Running)
                continue;
            var done = HighestWarningSignalled(track);
            foreach (var fraction in track.Policy.WarnAt)
            {
                if (fraction <= done) continue;
                Consider(ref next, track.Reach(track.Policy.TimeAtFraction(fraction)));
                break;
            }
        }
        var floor = HighestEscalationSignalled();
        foreach (var (level, at, _) in Timeline.AutoLevels)
        {
            if (level <= floor) continue;
            Consider(ref next, at);
            break;
        }
        return next;
    }

    /// <summary>
    /// Returns the warnings, breaches and escalation levels due at or before <paramref name="now"/> that were not returned
    /// before, and records them in <see cref="State"/> so each is returned once. As for complaints: of a clock whose breach is
    /// due only the breach, of several passed warnings only the highest, warnings only for running clocks; ordered by instant
    /// (an escalation after the breach that started it). An <see cref="EscalationSignal"/> names the clock that reached it.
    /// </summary>
    public IReadOnlyList<SlaSignal> Advance(DateTimeOffset now)
    {
        var due = new List<(DateTimeOffset At, int Order, SlaSignal Signal)>();
        foreach (var track in Timeline.Applicable)
        {
            if (!track.Started || BreachSignalled(track))
                continue;
            var name = track.Policy.Name;
            var dueAt = track.Reach(track.Policy.Target);
            if (dueAt is { } breachedAt && breachedAt <= now)
            {
                var late = now - breachedAt > Policy.LateTolerance;
                State.Breaches.Add(new BreachRecord(name, track.Cycle, breachedAt, now, late));
                due.Add((breachedAt, 1, new SlaBreachSignal(name, breachedAt, breachedAt, now, late)));
                continue;
            }
            if (!track.Running || dueAt is null)
                continue;
            var done = HighestWarningSignalled(track);
            (double Fraction, DateTimeOffset At)? passed = null;
            foreach (var fraction in track.Policy.WarnAt)
            {
                if (fraction > done && track.Reach(track.Policy.TimeAtFraction(fraction)) is { } at && at <= now)
                    passed = (fraction, at);
            }
            if (passed is { } w)
            {
                var late = now - w.At > Policy.LateTolerance;
                State.Warnings.Add(new WarningRecord(name, track.Cycle, w.Fraction, w.At, now, late));
                due.Add((w.At, 0, new SlaWarningSignal(name, w.Fraction, w.At, dueAt.Value, late)));
            }
        }
        var floor = HighestEscalationSignalled();
        foreach (var (level, at, clock) in Timeline.AutoLevels)
        {
            if (level <= floor || at > now) continue;
            var late = now - at > Policy.LateTolerance;
            State.Escalations.Add(new CaseEscalationRecord(clock, level, at, now, late));
            due.Add((at, 2, new EscalationSignal(level, (EscalationRole)level, at, late) { Clock = clock }));
        }
        return due.OrderBy(d => d.At).ThenBy(d => d.Order).Select(d => d.Signal).ToArray();
    }

    private static void Consider(ref DateTimeOffset? next, DateTimeOffset? at)
    {
        if (at is { } a && (next is null || a < next))
            next = a;
    }

    private bool BreachSignalled(ClockTrack track) => State.Breaches.Exists(b => b.Cycle == track.Cycle && b.Clock == track.Policy.Name);

    private int HighestEscalationSignalled() => State.Escalations.Count == 0 ? 0 : State.Escalations.Max(e => e.Level);

    private double HighestWarningSignalled(ClockTrack track) =>
        State.Warnings.Where(w => w.Cycle == track.Cycle && w.Clock == track.Policy.Name).Select(w => w.Fraction).DefaultIfEmpty(0).Max();

    /// <summary>Attributes are the sender's free data: a name or a phone among them is masked like a complaint's customer.</summary>
    private static CaseAttribute Masked(string key, CaseAttribute value)
    {
        if (value.Text is not { } text)
            return value;
        if (key.Contains("phone", StringComparison.OrdinalIgnoreCase) || key.Contains("mobile", StringComparison.OrdinalIgnoreCase))
            return CaseAttribute.Of(PersonalDataMask.Phone(text) ?? "");
        if (key.Contains("name", StringComparison.OrdinalIgnoreCase))
            return CaseAttribute.Of(PersonalDataMask.Name(text) ?? "");
        return value;
    }

    /// <summary>By instant, then opening first (a step at the opening instant must not precede it), then arrival.</summary>
    private static int Compare(CaseEventEntry a, CaseEventEntry b)
    {
        var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
        if (byTime != 0)
            return byTime;
        var byOpening = (a.Type != EventType.CaseOpened).CompareTo(b.Type != EventType.CaseOpened);
        return byOpening != 0 ? byOpening : a.Sequence.CompareTo(b.Sequence);
    }
}
