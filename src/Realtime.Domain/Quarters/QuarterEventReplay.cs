using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Quarters;

/// <summary>
/// Rebuilds every agent's quarter history from a stream of journaled events, one event at a time, keeping one
/// <see cref="AgentActivity"/> per agent and one small state per complaint (never the events). Feed it the events
/// with <c>occurredAt</c> from the quarter's start up to the close (any order); it uses:
/// <list type="bullet">
/// <item>the agents' own events (<c>service.handled</c>, <c>survey.submitted</c>, <c>praise.received</c>,
/// <c>followup.completed</c>) that occurred in the quarter, exactly as the agent grain records them;</item>
/// <item><c>agent.rated</c> for the quarter, also when entered after its end (appraisal ratings usually are);</item>
/// <item>complaint facts: a complaint opened in the quarter counts against its <c>aboutAgentId</c>, and its first
/// response (the earliest <c>complaint.responded</c> with an agent at or after the opening) counts for the responder.
/// A response to a complaint opened before the quarter is not counted (its opening is outside the stream).</item>
/// </list>
/// An agent's team is the <c>teamId</c> of their latest <c>service.handled</c> in the quarter (by <c>occurredAt</c>, then
/// arrival), else the team of the latest complaint they gave the first response to. Events with a sequence above
/// <c>throughSequence</c> (those journaled after the close) are ignored, so a later replay sees the same events.
/// </summary>
public sealed class QuarterEventReplay
{
    private readonly Quarter _quarter;
    private readonly CompanyCalendar _calendar;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private readonly long _throughSequence;
    private readonly Dictionary<string, AgentState> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ComplaintState> _complaints = new(StringComparer.Ordinal);

    /// <summary>Starts an empty replay of <paramref name="quarter"/> using events up to sequence <paramref name="throughSequence"/>.</summary>
    public QuarterEventReplay(Quarter quarter, CompanyCalendar calendar, long throughSequence = long.MaxValue)
    {
        _quarter = quarter;
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _start = quarter.Start(calendar);
        _end = quarter.End(calendar);
        _throughSequence = throughSequence;
    }

    /// <summary>Events used so far.</summary>
    public long EventsUsed { get; private set; }

    /// <summary>Applies one journaled event; false when it is not used.</summary>
    public bool Apply(FloorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Sequence > _throughSequence || e.OccurredAt < _start) return false;
        var inQuarter = e.OccurredAt < _end;
        if (!inQuarter && !(e.Type == EventType.AgentRated && Quarter.TryParse(e.Period, out var period) && period == _quarter)) return false;
        var used = e.Type switch
        {
            EventType.ComplaintOpened => Opened(e),
            EventType.ComplaintResponded when e.ComplaintId is { } id && e.AgentId is { } agent => Responded(id, agent, e.OccurredAt),
            _ when e.Type.IsComplaintEvent() => false,
            _ => AgentEvent(e),
        };
        if (used) EventsUsed++;
        return used;
    }

    /// <summary>The agents' histories and teams, after every event was applied.</summary>
    public IReadOnlyList<AgentQuarterInput> Finish()
    {
        foreach (var (_, complaint) in _complaints.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (complaint.OpenedAt is not { } opened) continue;
            if (complaint.About is { } about) Agent(about).Activity.RecordComplaintAbout(opened);
            if (complaint.FirstResponse(opened) is not { } first) continue;
            var responder = Agent(first.AgentId);
            responder.Activity.RecordFirstResponse(first.At, first.At - opened);
            if (complaint.TeamId is { } team) responder.ConsiderTeam(team, first.At, long.MinValue, fromService: false);
        }

        return _agents.Values.Select(a => new AgentQuarterInput(a.Activity, a.TeamId)).ToArray();
    }

    private bool Opened(FloorEvent e)
    {
        var complaint = Complaint(e.ComplaintId!);
        if (complaint.OpenedAt is { } known && known <= e.OccurredAt) return false;
        complaint.OpenedAt = e.OccurredAt;
        complaint.About = e.AboutAgentId;
        complaint.TeamId = e.TeamId;
        return true;
    }

    private bool Responded(string complaintId, string agentId, DateTimeOffset at)
    {
        Complaint(complaintId).Responses.Add((at, agentId));
        return true;
    }

    private bool AgentEvent(FloorEvent e)
    {
        if (e.AgentId is not { } agentId) return false;
        var agent = Agent(agentId);
        if (e.Type == EventType.ServiceHandled && e.TeamId is { } team) agent.ConsiderTeam(team, e.OccurredAt, e.Sequence, fromService: true);
        return agent.Activity.Record(e);
    }

    private AgentState Agent(string id)
    {
        if (!_agents.TryGetValue(id, out var agent)) _agents[id] = agent = new AgentState(new AgentActivity(id, _calendar));
        return agent;
    }

    private ComplaintState Complaint(string id)
    {
        if (!_complaints.TryGetValue(id, out var complaint)) _complaints[id] = complaint = new ComplaintState();
        return complaint;
    }

    private sealed class AgentState(AgentActivity activity)
    {
        private (bool FromService, DateTimeOffset At, long Sequence) _teamSeen;

        public AgentActivity Activity { get; } = activity;

        public string? TeamId { get; private set; }

        public void ConsiderTeam(string team, DateTimeOffset at, long sequence, bool fromService)
        {
            // A service names the agent's team directly; complaint teams only fill in for agents without services.
            var candidate = (fromService, at, sequence);
            if (TeamId is not null && Compare(candidate, _teamSeen) <= 0) return;
            TeamId = team;
            _teamSeen = candidate;
        }

        private static int Compare((bool FromService, DateTimeOffset At, long Sequence) a, (bool FromService, DateTimeOffset At, long Sequence) b) =>
            a.FromService != b.FromService ? (a.FromService ? 1 : -1)
            : a.At != b.At ? a.At.CompareTo(b.At)
            : a.Sequence.CompareTo(b.Sequence);
    }

    private sealed class ComplaintState
    {
        public DateTimeOffset? OpenedAt { get; set; }
        public string? About { get; set; }
        public string? TeamId { get; set; }
        public List<(DateTimeOffset At, string AgentId)> Responses { get; } = [];

        public (DateTimeOffset At, string AgentId)? FirstResponse(DateTimeOffset opened)
        {
            (DateTimeOffset At, string AgentId)? first = null;
            foreach (var r in Responses)
            {
                if (r.At >= opened && (first is null || r.At < first.Value.At)) first = r;
            }

            return first;
        }
    }
}
