using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Quarters;

/// <summary>
/// Rebuilds every agent's quarter history and every team's quarter KPIs from a stream of journaled events, one event at a
/// time, keeping one <see cref="AgentActivity"/> per agent, one small day array per team and one <see cref="ComplaintState"/>
/// per complaint (never the other events). Feed it the events with <c>occurredAt</c> from the quarter's start up to the
/// close (in journal order: the same events in the same order give the same result, byte for byte). Events are placed by
/// their own <c>occurredAt</c>, so late and out-of-order events land in their own day. It uses:
/// <list type="bullet">
/// <item>the agents' own events (<c>service.handled</c>, <c>survey.submitted</c>, <c>praise.received</c>,
/// <c>followup.completed</c>) that occurred in the quarter, exactly as the agent grain records them;</item>
/// <item><c>agent.rated</c> for the quarter, also when entered after its end (appraisal ratings usually are);</item>
/// <item>the complaint events that occurred in the quarter, applied to a <see cref="Complaint"/> under the SLA policy. A
/// complaint counts when its opening is in the quarter (a complaint opened before the quarter is not counted, neither its
/// response nor its resolution: its opening is outside the stream). It counts against its <c>aboutAgentId</c>; its first
/// response (the earliest <c>complaint.responded</c> with an agent at or after the opening) counts for the responder.</item>
/// </list>
/// An agent's team is the <c>teamId</c> of their latest <c>service.handled</c> in the quarter (by <c>occurredAt</c>, then
/// arrival), else the team of the latest complaint they gave the first response to (ties: the smallest complaint id).
/// Team KPIs, as <see cref="TeamActivity"/> counts them: a service counts for the team it names; a survey or follow-up for the
/// team the agent is appraised in (above); a complaint's opening (category, customer) for the team it was opened in; its
/// first response and its resolution for the team it belonged to at that instant. A complaint counts once as resolved, at
/// its last resolution in the quarter, when it is resolved at the quarter's end, and as within 48 h / 7 days by its
/// resolution and quick-resolution clocks. Breaches are not counted (the quarter KPIs show none).
/// Events with a sequence above <c>throughSequence</c> (those journaled after the close) are ignored, so a later replay sees the same events.
/// </summary>
public sealed class QuarterEventReplay
{
    private readonly Quarter _quarter;
    private readonly CompanyCalendar _calendar;
    private readonly SlaPolicy _policy;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private readonly int _firstDayNumber;
    private readonly int _days;
    private readonly long _throughSequence;
    private readonly Dictionary<string, AgentState> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ComplaintState> _complaints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TeamDay?[]> _teamDays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuarterCustomers> _teamCustomers = new(StringComparer.Ordinal);

    /// <summary>Starts an empty replay of <paramref name="quarter"/> using events up to sequence <paramref name="throughSequence"/>.</summary>
    /// <param name="quarter">The quarter.</param>
    /// <param name="calendar">The company calendar.</param>
    /// <param name="throughSequence">The highest journal sequence to use.</param>
    /// <param name="policy">The SLA policy the complaints' clocks follow (resolution within 48 h and 7 days); the default when null.</param>
    public QuarterEventReplay(Quarter quarter, CompanyCalendar calendar, long throughSequence = long.MaxValue, SlaPolicy? policy = null)
    {
        _quarter = quarter;
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _policy = policy ?? SlaPolicy.Default;
        _start = quarter.Start(calendar);
        _end = quarter.End(calendar);
        _firstDayNumber = quarter.FirstDay.DayNumber;
        _days = quarter.LastDay.DayNumber - _firstDayNumber + 1;
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
        // Ratings and breach explanations of the quarter are often entered after its end (before the close).
        if (!inQuarter && e.Type != EventType.ComplaintBreachExplained && !(e.Type == EventType.AgentRated && Quarter.TryParse(e.Period, out var period) && period == _quarter)) return false;
        // Generic cases have no part in the appraisal; a complaint's explanations only feed its breach causes (an explaining
        // agent is not appraised for it).
        if (e.Type.IsCaseEvent()) return false;
        var used = e.Type.IsComplaintEvent() ? ComplaintEvent(e) : AgentEvent(e);
        if (used) EventsUsed++;
        return used;
    }

    /// <summary>The agents' histories and teams and the teams' activity, after every event was applied. Call once.</summary>
    public QuarterReplayResult Finish()
    {
        var causes = new List<BreachCauses.BreachCause>();
        foreach (var (id, state) in _complaints)
        {
            var complaint = new Complaint(state, _policy);
            if (Opening(state) is not { } opening) continue;
            var opened = opening.OccurredAt;
            if (state.Events.Exists(static x => x.Type == EventType.ComplaintBreachExplained))
                causes.AddRange(BreachCauses.BreachCauseRules.Explained("complaint:" + id, complaint.Outcomes(_end), complaint.Explanations, complaint.OwnerAt, _calendar));
            if (state.AboutAgentId is { } about) Agent(about).Activity.RecordComplaintAbout(opened);
            if (opening.TeamId is { } openedIn)
            {
                var day = TeamDay(openedIn, opened);
                day.ComplaintsOpened++;
                var category = Category(state.Category);
                day.OpenedByCategory[category] = day.OpenedByCategory.GetValueOrDefault(category) + 1;
                if (!string.IsNullOrEmpty(state.CustomerId)) TeamCustomers(openedIn).Seen.Add(state.CustomerId);
            }

            if (FirstResponse(state, opened) is { } first)
            {
                var responseTime = first.OccurredAt - opened;
                var responder = Agent(first.AgentId!);
                responder.Activity.RecordFirstResponse(first.OccurredAt, responseTime);
                if (opening.TeamId is { } team) responder.ConsiderComplaintTeam(team, first.OccurredAt, id);
                if (TeamAt(state, first.OccurredAt) is { } respondedIn)
                {
                    var day = TeamDay(respondedIn, first.OccurredAt);
                    day.FirstResponseMillisecondsSum += (long)Math.Round(responseTime.TotalMilliseconds);
                    day.FirstResponseCount++;
                }
            }

            // Only a complaint with a resolution needs its clocks (the timeline is built on demand).
            if (LastResolution(state) is { } resolvedAt && complaint.Status == ComplaintStatus.Resolved && TeamAt(state, resolvedAt) is { } resolvedIn)
            {
                var outcomes = complaint.Outcomes(_end);
                var day = TeamDay(resolvedIn, resolvedAt);
                day.ComplaintsResolved++;
                day.ResolvedWithin48h += outcomes.Any(o => o.Clock == SlaPolicy.Resolution && o.EndedMet) ? 1 : 0;
                day.ResolvedWithin7d += outcomes.Any(o => o.Clock == SlaPolicy.QuickResolution && o.EndedMet) ? 1 : 0;
            }
        }

        // Surveys and follow-ups count for the team the agent is appraised in, from the agent's own daily counters.
        foreach (var agent in _agents.Values.OrderBy(a => a.Activity.AgentId, StringComparer.Ordinal))
        {
            if (agent.TeamId is not { } team) continue;
            foreach (var d in agent.Activity.Days)
            {
                if (d.SurveyCount == 0 && d.FollowupsCompleted == 0 || !_quarter.Contains(d.Date)) continue;
                var day = TeamDay(team, d.Date);
                day.SurveyScoreSum += d.SurveyScoreSum;
                day.SurveyCount += d.SurveyCount;
                day.FollowupsCompleted += d.FollowupsCompleted;
                day.FollowupsEnteredWithin24h += d.FollowupsEnteredWithin24h;
            }

            if (agent.FollowedUp is { } customers)
            {
                var quarterCustomers = TeamCustomers(team);
                quarterCustomers.Seen.UnionWith(customers);
                quarterCustomers.FollowedUp.UnionWith(customers);
            }
        }

        var agents = _agents.Values.Select(a => new AgentQuarterInput(a.Activity, a.TeamId)).ToArray();
        var teams = _teamDays.Keys.Order(StringComparer.Ordinal).Select(id => new TeamActivity(
            id,
            _calendar.TimeZoneId,
            null,
            _teamDays[id].OfType<TeamDay>().ToArray(),
            _teamCustomers.TryGetValue(id, out var customers) ? [customers] : [])).ToArray();
        return new QuarterReplayResult(agents, teams) { BreachCauses = causes };
    }

    private bool ComplaintEvent(FloorEvent e)
    {
        if (e.ComplaintId is not { } id) return false;
        if (!_complaints.TryGetValue(id, out var state)) _complaints[id] = state = new ComplaintState { Id = id };
        return new Complaint(state, _policy).Apply(e);
    }

    private bool AgentEvent(FloorEvent e)
    {
        if (e.AgentId is not { } agentId) return false;
        var agent = Agent(agentId);
        switch (e.Type)
        {
            case EventType.ServiceHandled when e.TeamId is { } team:
                agent.ConsiderServiceTeam(team, e.OccurredAt, e.Sequence);
                // Services are most of the journal and an agent's name the same team again and again: skip the team lookup then.
                if (agent.ServiceTeam != team) (agent.ServiceTeam, agent.ServiceTeamDays) = (team, TeamDays(team));
                var day = Day(agent.ServiceTeamDays!, _calendar.DateOf(e.OccurredAt));
                day.ServicesHandled++;
                day.FirstContactResolved += e.FirstContactResolved == true ? 1 : 0;
                break;
            case EventType.FollowupCompleted when e.CustomerId is { Length: > 0 } customer && e.VisitedAt is { } visited && _calendar.QuarterOf(visited) == _quarter:
                (agent.FollowedUp ??= new CustomerSet()).Add(customer);
                break;
        }

        return agent.Activity.Record(e);
    }

    private AgentState Agent(string id)
    {
        if (!_agents.TryGetValue(id, out var agent)) _agents[id] = agent = new AgentState(new AgentActivity(id, _calendar));
        return agent;
    }

    private TeamDay TeamDay(string team, DateTimeOffset at) => TeamDay(team, _calendar.DateOf(at));

    private TeamDay TeamDay(string team, DateOnly date) => Day(TeamDays(team), date);

    private TeamDay?[] TeamDays(string team)
    {
        if (!_teamDays.TryGetValue(team, out var days)) _teamDays[team] = days = new TeamDay?[_days];
        return days;
    }

    // Only dates of the quarter reach here, so the index is in range.
    private TeamDay Day(TeamDay?[] days, DateOnly date) => days[date.DayNumber - _firstDayNumber] ??= new TeamDay(date);

    private QuarterCustomers TeamCustomers(string team)
    {
        if (!_teamCustomers.TryGetValue(team, out var customers))
        {
            _teamCustomers[team] = customers = new QuarterCustomers(_quarter, new CustomerSet(), new CustomerSet());
            if (!_teamDays.ContainsKey(team)) _teamDays[team] = new TeamDay?[_days];
        }

        return customers;
    }

    /// <summary>The earliest opening (events are kept in time order, openings first at one instant, then arrival).</summary>
    private static ComplaintEventEntry? Opening(ComplaintState state) => state.Events.Find(e => e.Type == EventType.ComplaintOpened);

    private static ComplaintEventEntry? FirstResponse(ComplaintState state, DateTimeOffset opened) =>
        state.Events.Find(e => e.Type == EventType.ComplaintResponded && e.AgentId is not null && e.OccurredAt >= opened);

    private static DateTimeOffset? LastResolution(ComplaintState state) =>
        state.Events.FindLast(e => e.Type == EventType.ComplaintResolved)?.OccurredAt;

    /// <summary>The team a complaint belonged to at <paramref name="at"/>: the latest opening or assignment naming a team, at or before it.</summary>
    private static string? TeamAt(ComplaintState state, DateTimeOffset at)
    {
        string? team = null;
        foreach (var e in state.Events)
        {
            if (e.OccurredAt > at) break;
            if (e.Type is EventType.ComplaintOpened or EventType.ComplaintAssigned && e.TeamId is { } named) team = named;
        }

        return team;
    }

    /// <summary>The category as <see cref="TeamActivity.ComplaintOpened"/> files it (blank: unspecified; at most 64 characters).</summary>
    private static string Category(string? category) =>
        string.IsNullOrWhiteSpace(category) ? TeamActivity.UnspecifiedCategory
        : category.Length > 64 ? category[..64]
        : category;

    private sealed class AgentState(AgentActivity activity)
    {
        private (bool FromService, DateTimeOffset At, long Sequence, string? ComplaintId) _teamSeen;

        public AgentActivity Activity { get; } = activity;

        public string? TeamId { get; private set; }

        /// <summary>The team of the agent's last service seen, and its days.</summary>
        public string? ServiceTeam { get; set; }

        /// <summary>The days of <see cref="ServiceTeam"/>.</summary>
        public TeamDay?[]? ServiceTeamDays { get; set; }

        /// <summary>Customers the agent followed up with a visit in the quarter, or null.</summary>
        public CustomerSet? FollowedUp { get; set; }

        /// <summary>A service names the agent's team directly: the latest by time, then arrival, wins.</summary>
        public void ConsiderServiceTeam(string team, DateTimeOffset at, long sequence)
        {
            if (TeamId is not null && _teamSeen.FromService && (at, sequence).CompareTo((_teamSeen.At, _teamSeen.Sequence)) <= 0) return;
            TeamId = team;
            _teamSeen = (true, at, sequence, null);
        }

        /// <summary>Complaint teams only fill in for agents without services: the latest response wins, ties to the smallest complaint id.</summary>
        public void ConsiderComplaintTeam(string team, DateTimeOffset at, string complaintId)
        {
            if (TeamId is not null && (_teamSeen.FromService || at < _teamSeen.At
                || at == _teamSeen.At && string.CompareOrdinal(complaintId, _teamSeen.ComplaintId) >= 0)) return;
            TeamId = team;
            _teamSeen = (false, at, long.MinValue, complaintId);
        }
    }
}
