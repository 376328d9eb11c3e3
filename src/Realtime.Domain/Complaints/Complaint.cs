using Realtime.Domain.BreachCauses;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;
using Realtime.Domain.Policies;
using Realtime.Domain.Privacy;

namespace Realtime.Domain.Complaints;

/// <summary>
/// A complaint (投诉) and its SLA clocks under a policy. Everything is computed from the events' own timestamps
/// (<see cref="FloorEvent.OccurredAt"/>), never from arrival, so late and out-of-order events give the same answer
/// as punctual ones. Time only enters as the <c>now</c> argument; there are no clock reads, timers or I/O.
/// Typical use: <see cref="Apply"/> each event, <see cref="Advance"/> at <c>now</c> to collect due signals, and
/// wake up again at <see cref="NextDueAt"/>. Not thread-safe.
/// </summary>
public sealed class Complaint
{
    private ComplaintTimeline? _timeline;

    /// <summary>Wraps saved (or new) state; the state is mutated in place by <see cref="Apply"/> and <see cref="Advance"/>.</summary>
    public Complaint(ComplaintState state, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        State = state;
        Policy = policy;
    }

    /// <summary>A complaint that has seen no events yet.</summary>
    public static Complaint Create(string complaintId, SlaPolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(complaintId);
        return new Complaint(new ComplaintState { Id = complaintId }, policy);
    }

    /// <summary>The state to persist.</summary>
    public ComplaintState State { get; }

    /// <summary>The policy the clocks follow.</summary>
    public SlaPolicy Policy { get; }

    /// <summary>The complaint id.</summary>
    public string Id => State.Id;

    /// <summary>Open, paused or resolved, from the events in time order (open until told otherwise).</summary>
    public ComplaintStatus Status => Timeline.Status;

    /// <summary>Not resolved (open or paused).</summary>
    public bool IsOpen => Status != ComplaintStatus.Resolved;

    /// <summary>When <c>complaint.opened</c> says it was opened; null until that event is known.</summary>
    public DateTimeOffset? OpenedAt => Timeline.OpenedAt;

    private ComplaintTimeline Timeline => _timeline ??= ComplaintTimeline.Build(State, Policy);

    /// <summary>
    /// Records a <c>complaint.*</c> event of this complaint at its place in time.
    /// Returns false, changing nothing, when an event with the same id was already applied.
    /// </summary>
    /// <exception cref="ArgumentException">The event is not a complaint event or belongs to another complaint.</exception>
    public bool Apply(FloorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!e.Type.IsComplaintEvent())
            throw new ArgumentException($"{e.Type.ToWireName()} is not a complaint event.", nameof(e));
        if (string.IsNullOrEmpty(State.Id))
            State.Id = e.ComplaintId ?? throw new ArgumentException("The event names no complaint.", nameof(e));
        else if (!string.Equals(e.ComplaintId, State.Id, StringComparison.Ordinal))
            throw new ArgumentException($"Event {e.Id} is for complaint '{e.ComplaintId}', not '{State.Id}'.", nameof(e));
        if (State.Events.Exists(x => x.Id == e.Id))
            return false;

        var entry = e.Type == EventType.ComplaintBreachExplained
            ? new ComplaintEventEntry(e.Id, e.Type, e.OccurredAt, e.Sequence, AgentId: e.AgentId, ReasonCode: e.ReasonCode, Clock: e.Clock, Reason: e.Reason)
            : new ComplaintEventEntry(e.Id, e.Type, e.OccurredAt, e.Sequence, e.Level, e.AgentId, e.TeamId);
        var index = InsertionIndex(State.Events, entry);
        State.Events.Insert(index, entry);
        if (e.Type == EventType.ComplaintOpened && !State.Events.Take(index).Any(x => x.Type == EventType.ComplaintOpened))
            TakeOpeningDetails(e);
        TakeOwnership();
        _timeline = null;
        return true;
    }

    /// <summary>The complaint as users see it at <paramref name="now"/>, with masked customer data.</summary>
    public ComplaintView View(DateTimeOffset now)
    {
        var level = EscalationLevelAt(now);
        return new ComplaintView(
            State.Id, Status, State.TeamId, State.AgentId, State.AboutAgentId, State.Category, State.Channel, State.Severity,
            PersonalDataMask.Name(State.CustomerName), PersonalDataMask.Phone(State.CustomerPhone), OpenedAt,
            level, (EscalationRole)level, Timeline.Tracks.Select(t => ViewOf(t, now)).ToArray());
    }

    /// <summary>Why its breaches happened, as recorded (<c>complaint.breachExplained</c>), in time order.</summary>
    public IReadOnlyList<BreachExplanation> Explanations =>
        State.Events.Where(e => e.Type == EventType.ComplaintBreachExplained && e.ReasonCode is not null)
            .Select(e => new BreachExplanation(e.Clock, e.ReasonCode!, e.Reason, e.OccurredAt, e.AgentId)).ToArray();

    /// <summary>
    /// Its team and owner at <paramref name="at"/>: from the latest opening or assignment (in time) at or before it. A breach
    /// counts against whoever owned the complaint when it happened, however it is told or replayed later.
    /// </summary>
    public (string? TeamId, string? AgentId) OwnerAt(DateTimeOffset at)
    {
        string? team = null, agent = null;
        foreach (var e in State.Events)
        {
            if (e.OccurredAt > at) break;
            if (e.Type is not (EventType.ComplaintOpened or EventType.ComplaintAssigned)) continue;
            team = e.TeamId ?? team;
            agent = e.AgentId ?? agent;
        }
        return (team ?? State.TeamId, agent ?? State.AgentId);
    }

    /// <summary>Each policy clock's state at <paramref name="now"/> and whether it has ended met or breached.</summary>
    public IReadOnlyList<ClockOutcome> Outcomes(DateTimeOffset now) =>
        Timeline.Tracks.Select(t => ViewOf(t, now)).Select(v => new ClockOutcome(v.Name, v.State, v.StoppedAt, v.BreachedAt)).ToArray();

    /// <summary>
    /// The earliest instant at which a signal not yet returned by <see cref="Advance"/> becomes due: a warning of a
    /// running clock, a breach, or the next escalation level. It may lie in the past (advance at once); null when
    /// nothing is pending, e.g. resolved with every signal delivered.
    /// </summary>
    public DateTimeOffset? NextDueAt()
    {
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset? at)
        {
            if (at is { } a && (next is null || a < next))
                next = a;
        }

        // Loops, not LINQ: this runs after every event and reminder of every complaint.
        var tracks = Timeline.Tracks;
        for (var t = 0; t < tracks.Count; t++)
        {
            var track = tracks[t];
            if (!track.Started || BreachSignalled(track))
                continue;
            Consider(track.Reach(track.Policy.Target));
            if (track.Running)
            {
                var done = HighestWarningSignalled(track);
                var warnAt = track.Policy.WarnAt;
                for (var i = 0; i < warnAt.Count; i++)
                {
                    var fraction = warnAt[i];
                    if (fraction <= done) continue;
                    Consider(track.Reach(track.Policy.TimeAtFraction(fraction)));
                    break;
                }
            }
        }

        var floor = Math.Max(HighestEscalationSignalled(), Timeline.ManualLevelFinal);
        var levels = Timeline.AutoLevels;
        for (var i = 0; i < levels.Count; i++)
        {
            var (level, at) = levels[i];
            if (level <= floor) continue;
            Consider(at);
            break;
        }
        return next;
    }

    /// <summary>
    /// Returns the signals due at or before <paramref name="now"/> that were not returned before, and records them in
    /// <see cref="State"/> so each is returned exactly once (also after a save and reload). Of a clock whose breach is due,
    /// only the breach is returned (its unsignalled warnings are pointless); of several passed warnings, only the highest.
    /// Warnings are only given for running clocks. Escalation levels at or below one set by <c>complaint.escalated</c> are not
    /// signalled. Ordered by instant.
    /// </summary>
    public IReadOnlyList<SlaSignal> Advance(DateTimeOffset now)
    {
        List<(DateTimeOffset At, int Order, SlaSignal Signal)>? due = null;
        var tracks = Timeline.Tracks;
        for (var t = 0; t < tracks.Count; t++)
        {
            var track = tracks[t];
            if (!track.Started || BreachSignalled(track))
                continue;
            var name = track.Policy.Name;
            var dueAt = track.Reach(track.Policy.Target);
            if (dueAt is { } breachedAt && breachedAt <= now)
            {
                var late = IsLate(breachedAt, now);
                State.Breaches.Add(new BreachRecord(name, track.Cycle, breachedAt, now, late));
                (due ??= []).Add((breachedAt, 1, new SlaBreachSignal(name, breachedAt, breachedAt, now, late)));
                continue;
            }
            if (!track.Running || dueAt is null)
                continue;

            var done = HighestWarningSignalled(track);
            (double Fraction, DateTimeOffset At)? passed = null;
            var warnAt = track.Policy.WarnAt;
            for (var i = 0; i < warnAt.Count; i++)
            {
                var fraction = warnAt[i];
                if (fraction > done && track.Reach(track.Policy.TimeAtFraction(fraction)) is { } at && at <= now)
                    passed = (fraction, at);
            }
            if (passed is { } w)
            {
                var late = IsLate(w.At, now);
                State.Warnings.Add(new WarningRecord(name, track.Cycle, w.Fraction, w.At, now, late));
                (due ??= []).Add((w.At, 0, new SlaWarningSignal(name, w.Fraction, w.At, dueAt.Value, late)));
            }
        }

        var floor = Math.Max(HighestEscalationSignalled(), Timeline.ManualLevelAt(now));
        var levels = Timeline.AutoLevels;
        for (var i = 0; i < levels.Count; i++)
        {
            var (level, at) = levels[i];
            if (level <= floor || at > now) continue;
            var late = IsLate(at, now);
            State.Escalations.Add(new EscalationRecord(level, at, now, late));
            (due ??= []).Add((at, 2, new EscalationSignal(level, (EscalationRole)level, at, late)));
        }

        if (due is null) return [];
        return due.OrderBy(d => d.At).ThenBy(d => d.Order).Select(d => d.Signal).ToArray();
    }

    /// <summary>
    /// This complaint's events replayed under <paramref name="policy"/> as seen at <paramref name="now"/>, on a copy of its
    /// state (this complaint is left as it is). The signals already given are kept where the other policy gives them too
    /// (a breach at its new instant); the others are dropped, so a breach the other policy brings forward is signalled by the
    /// next <see cref="Advance"/>, and one it removes no longer blocks a later breach. Earlier runs of a clock (before a
    /// restart on reopen) keep their records.
    /// </summary>
    public Complaint ReplayUnder(SlaPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var replayed = new Complaint(State.Copy(), policy);
        var tracks = replayed.Timeline.Tracks;
        var state = replayed.State;
        ClockTrack? TrackOf(string clock) => tracks.FirstOrDefault(t => t.Policy.Name == clock);
        // A record of an earlier run (Cycle below the track's) stays: that run ended before the reopen.
        state.Breaches = state.Breaches
            .Select(b => TrackOf(b.Clock) is not { } t ? null
                : b.Cycle < t.Cycle ? b
                : b.Cycle == t.Cycle && t.Reach(t.Policy.Target) is { } at && at <= now ? b with { BreachedAt = at }
                : null)
            .OfType<BreachRecord>()
            .ToList();
        state.Warnings = state.Warnings
            .Where(w => TrackOf(w.Clock) is { } t && (w.Cycle < t.Cycle || (w.Cycle == t.Cycle && t.Reach(t.Policy.TimeAtFraction(w.Fraction)) is { } at && at <= now)))
            .ToList();
        var level = Math.Max(replayed.Timeline.AutoLevelAt(now), replayed.Timeline.ManualLevelAt(now));
        state.Escalations = state.Escalations.Where(e => e.Level <= level).ToList();
        return replayed;
    }

    private int EscalationLevelAt(DateTimeOffset now) =>
        Math.Max(HighestEscalationSignalled(), Math.Max(Timeline.AutoLevelAt(now), Timeline.ManualLevelAt(now)));

    /// <summary>A clock as users see it at <paramref name="now"/> (generic cases show theirs the same way).</summary>
    internal static ClockView ViewOf(ClockTrack track, DateTimeOffset now, string? version = null)
    {
        var policy = track.Policy;
        var calendar = policy.Calendar;
        version ??= PolicyVersion.Of(policy);
        if (!track.Started)
            return new ClockView(policy.Name, null, policy.Target, TimeSpan.Zero, policy.Target, null, null) { Calendar = calendar?.Name, PolicyVersion = version, AsOf = now };

        var elapsed = track.ElapsedAt(now);
        var reach = track.Reach(policy.Target);
        // A running clock is breached once its due instant has come; a paused or stopped one only if it passed the target.
        var breached = reach is { } r && (r <= now || !track.Running);
        var state = breached ? ClockState.Breached
            : track.Running ? ClockState.Running
            : track.Paused ? ClockState.Paused
            : ClockState.Met;
        var remaining = policy.Target - elapsed;
        var outside = calendar is not null && track.Running && !calendar.IsWorkingTime(now);
        // Inside working hours a board counts the working time left down in wall time, which holds until this period ends.
        var pausesAt = calendar is not null && track.Running && !outside && reach is { } due && due > now
            ? calendar.WorkingTimeEndBefore(now, due)
            : null;
        return new ClockView(policy.Name, state, policy.Target, elapsed, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero,
            track.Running ? reach : null, breached ? reach : null)
        {
            StartedAt = track.StartedAt,
            StoppedAt = track.StoppedAt,
            Calendar = calendar?.Name,
            OutsideWorkingHours = outside,
            CountingResumesAt = outside ? calendar!.NextWorkingTimeStart(now) : null,
            CountingPausesAt = pausesAt,
            CountingResumesAfterPauseAt = pausesAt is { } pause ? calendar!.NextWorkingTimeStart(pause) : null,
            AsOf = now,
            PolicyVersion = version,
        };
    }

    private bool IsLate(DateTimeOffset instant, DateTimeOffset now) => now - instant > Policy.LateTolerance;

    private bool BreachSignalled(ClockTrack track)
    {
        foreach (var b in State.Breaches)
        {
            if (b.Cycle == track.Cycle && b.Clock == track.Policy.Name) return true;
        }
        return false;
    }

    private double HighestWarningSignalled(ClockTrack track)
    {
        var highest = 0.0;
        foreach (var w in State.Warnings)
        {
            if (w.Cycle == track.Cycle && w.Clock == track.Policy.Name && w.Fraction > highest) highest = w.Fraction;
        }
        return highest;
    }

    private int HighestEscalationSignalled()
    {
        var highest = 0;
        foreach (var e in State.Escalations) highest = Math.Max(highest, e.Level);
        return highest;
    }

    private void TakeOpeningDetails(FloorEvent opened)
    {
        State.AboutAgentId = opened.AboutAgentId ?? State.AboutAgentId;
        State.Category = opened.Category ?? State.Category;
        State.Channel = opened.Channel ?? State.Channel;
        State.Severity = opened.Severity ?? State.Severity;
        State.CustomerId = opened.CustomerId ?? State.CustomerId;
        State.CustomerName = opened.CustomerName ?? State.CustomerName;
        State.CustomerPhone = opened.CustomerPhone ?? State.CustomerPhone;
    }

    /// <summary>Reassignment moves the owner, not the clocks: the latest opening or assignment in time decides.</summary>
    private void TakeOwnership()
    {
        foreach (var e in State.Events.Where(x => x.Type is EventType.ComplaintOpened or EventType.ComplaintAssigned))
        {
            State.AgentId = e.AgentId ?? State.AgentId;
            State.TeamId = e.TeamId ?? State.TeamId;
        }
    }

    /// <summary>After every entry that sorts at or before it, so ties keep arrival order.</summary>
    private static int InsertionIndex(List<ComplaintEventEntry> events, ComplaintEventEntry entry)
    {
        var index = events.Count;
        while (index > 0 && Compare(events[index - 1], entry) > 0)
            index--;
        return index;
    }

    /// <summary>By instant, then opening first (a response at the opening instant must not precede it), then arrival.</summary>
    private static int Compare(ComplaintEventEntry a, ComplaintEventEntry b)
    {
        var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
        if (byTime != 0)
            return byTime;
        var byOpening = (a.Type != EventType.ComplaintOpened).CompareTo(b.Type != EventType.ComplaintOpened);
        return byOpening != 0 ? byOpening : a.Sequence.CompareTo(b.Sequence);
    }
}
