using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using Realtime.Grains.Agents;

namespace Realtime.Grains.Teams;

/// <summary>
/// Turns a complaint's state into the facts agent and team grains need and tells them, updating
/// <see cref="ComplaintFactsTold"/>. Called by the complaint grain after every change, before it stages its state.
/// </summary>
public static class ComplaintFacts
{
    /// <summary>Tells agents and teams what they have not been told yet about <paramref name="complaint"/> at <paramref name="now"/>.</summary>
    public static Task TellAsync(IGrainFactory grains, Complaint complaint, ComplaintView view, DateTimeOffset now, ComplaintFactsTold told)
    {
        var (agentFacts, teamFacts) = Derive(complaint, view, now, told);
        if (agentFacts.Count == 0 && teamFacts.Count == 0) return Task.CompletedTask;
        var calls = new List<Task>(agentFacts.Count + teamFacts.Count);
        foreach (var (agent, facts) in agentFacts) calls.Add(grains.GetGrain<IAgentGrain>(agent).RecordComplaintFactsAsync(facts));
        foreach (var (team, facts) in teamFacts) calls.Add(grains.GetGrain<ITeamGrain>(team).RecordComplaintFactsAsync(facts));
        return Task.WhenAll(calls);
    }

    /// <summary>The facts not told yet, by agent and by team, in the order they must be applied; marks them told.</summary>
    public static (Dictionary<string, List<AgentComplaintFact>> Agents, Dictionary<string, List<TeamComplaintFact>> Teams) Derive(
        Complaint complaint, ComplaintView view, DateTimeOffset now, ComplaintFactsTold told)
    {
        var agents = new Dictionary<string, List<AgentComplaintFact>>(StringComparer.Ordinal);
        var teams = new Dictionary<string, List<TeamComplaintFact>>(StringComparer.Ordinal);
        var state = complaint.State;
        if (view.OpenedAt is not { } openedAt) return (agents, teams);

        void ToTeam(string team, TeamComplaintFactKind kind, DateTimeOffset at, Func<TeamComplaintFact, TeamComplaintFact>? details = null)
        {
            var fact = new TeamComplaintFact(kind, state.Id, ++told.Ordinal, at) { AgentId = state.AgentId };
            Add(teams, team, details is null ? fact : details(fact));
        }

        if (!told.About && state.AboutAgentId is { } about)
        {
            Add(agents, about, new AgentComplaintFact(AgentComplaintFactKind.ComplaintAbout, state.Id, openedAt));
            told.About = true;
        }

        var team = state.TeamId;
        var resolved = view.Status == ComplaintStatus.Resolved;
        if (team is not null)
        {
            if (told.Team is null)
            {
                ToTeam(team, TeamComplaintFactKind.Opened, openedAt, f => f with { Category = state.Category, CustomerId = state.CustomerId });
                told.Team = team;
                told.Paused = false;
                told.Resolved = false;
            }
            else if (told.Team != team)
            {
                if (!told.Resolved)
                {
                    ToTeam(told.Team, TeamComplaintFactKind.TransferredOut, now);
                    // Transfers and reopenings move only the open counts, which the teams read from the complaints' summaries.
                    ToTeam(team, TeamComplaintFactKind.TransferredIn, now);
                }
                told.Team = team;
            }

            if (told.Resolved && !resolved)
            {
                ToTeam(team, TeamComplaintFactKind.Reopened, now);
                told.Resolved = false;
                told.Paused = false;
            }

            for (; told.Breaches < state.Breaches.Count; told.Breaches++)
            {
                var breach = state.Breaches[told.Breaches];
                ToTeam(team, TeamComplaintFactKind.Breached, breach.BreachedAt, f => f with { Clock = breach.Clock });
            }

            var paused = view.Status == ComplaintStatus.Paused;
            if (!resolved && paused != told.Paused)
            {
                ToTeam(team, paused ? TeamComplaintFactKind.Paused : TeamComplaintFactKind.Resumed, now);
                told.Paused = paused;
            }
        }

        if (!told.FirstResponse && state.Events.FirstOrDefault(e => e.Type == EventType.ComplaintResponded && e.AgentId is not null && e.OccurredAt >= openedAt) is { } first)
        {
            var responseTime = first.OccurredAt - openedAt;
            Add(agents, first.AgentId!, new AgentComplaintFact(AgentComplaintFactKind.FirstResponse, state.Id, first.OccurredAt, responseTime, state.TeamId));
            if (team is not null) ToTeam(team, TeamComplaintFactKind.FirstResponse, first.OccurredAt, f => f with { ResponseTime = responseTime });
            told.FirstResponse = true;
        }

        if (team is not null && resolved && !told.Resolved)
        {
            var outcomes = complaint.Outcomes(now);
            var resolvedAt = state.Events.LastOrDefault(e => e.Type == EventType.ComplaintResolved)?.OccurredAt ?? now;
            ToTeam(team, TeamComplaintFactKind.Resolved, resolvedAt, f => f with
            {
                Within48h = outcomes.Any(o => o.Clock == SlaPolicy.Resolution && o.EndedMet),
                Within7d = outcomes.Any(o => o.Clock == SlaPolicy.QuickResolution && o.EndedMet),
            });
            told.Resolved = true;
            told.Paused = false;
        }

        return (agents, teams);
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T item)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(item);
    }
}
