using Realtime.Domain.Events;
using Realtime.Grains.Agents;
using Realtime.Grains.Cases;
using Realtime.Grains.Complaints;
using Realtime.Grains.Teams;

namespace Realtime.Grains.Ingest;

/// <summary>Delivers journaled events to the grains they concern, one call per grain per batch, in sequence order per grain.</summary>
public sealed class FloorEventRouter(IGrainFactory grains)
{
    private readonly object _gate = new();
    private Task _teamsQueued = Task.CompletedTask;

    /// <summary>
    /// Queues every event of <paramref name="events"/> (in sequence order) to its grain: complaint events to complaint grains, case events to case grains,
    /// an agent's own events to its agent grain. The mailboxes are filled before this returns, so a later call can never
    /// overtake. Then each team gets one call with its share of the batch: <c>service.handled</c> naming it, and the surveys
    /// and follow-ups its agents report (those name no team). Team calls are queued in batch order, so every team grain sees
    /// the journal order. The task completes when every grain has applied its share.
    /// </summary>
    public Task DispatchAsync(IReadOnlyList<FloorEvent> events)
    {
        var byComplaint = new Dictionary<string, List<FloorEvent>>(StringComparer.Ordinal);
        var byCase = new Dictionary<string, List<FloorEvent>>(StringComparer.Ordinal);
        var byAgent = new Dictionary<string, List<FloorEvent>>(StringComparer.Ordinal);
        var byTeam = new Dictionary<string, List<FloorEvent>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Type.IsComplaintEvent())
            {
                Add(byComplaint, e.ComplaintId!, e);
                continue;
            }
            if (e.Type.IsCaseEvent())
            {
                Add(byCase, e.CaseId!, e);
                continue;
            }
            if (e.AgentId is { } agent) Add(byAgent, agent, e);
            if (e.Type == EventType.ServiceHandled && e.TeamId is { } team) Add(byTeam, team, e);
        }
        var calls = new List<Task>(byComplaint.Count + byCase.Count + 1);
        foreach (var (id, list) in byComplaint) calls.Add(grains.GetGrain<IComplaintGrain>(id).ApplyAsync(list));
        foreach (var (id, list) in byCase) calls.Add(grains.GetGrain<ICaseGrain>(id).ApplyAsync(list));
        if (byAgent.Count > 0 || byTeam.Count > 0)
        {
            var agentCalls = new List<Task<AgentApplyResult>>(byAgent.Count);
            foreach (var (id, list) in byAgent) agentCalls.Add(grains.GetGrain<IAgentGrain>(id).ApplyAsync(list));
            var queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task previous;
            lock (_gate)
            {
                previous = _teamsQueued;
                _teamsQueued = queued.Task;
            }
            calls.Add(DispatchToTeamsAsync(agentCalls, byTeam, previous, queued));
        }
        return Task.WhenAll(calls);
    }

    private async Task DispatchToTeamsAsync(List<Task<AgentApplyResult>> agentCalls, Dictionary<string, List<FloorEvent>> byTeam, Task previous, TaskCompletionSource queued)
    {
        var teamCalls = new List<Task>(byTeam.Count);
        try
        {
            try
            {
                await Task.WhenAll(agentCalls);
            }
            finally
            {
                foreach (var call in agentCalls)
                {
                    if (!call.IsCompletedSuccessfully || call.Result.TeamId is not { } team || call.Result.ForTeam.Count == 0) continue;
                    foreach (var e in call.Result.ForTeam) Add(byTeam, team, e);
                }
                await previous;
                foreach (var (team, list) in byTeam)
                {
                    list.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                    teamCalls.Add(grains.GetGrain<ITeamGrain>(team).ApplyAsync(list));
                }
            }
        }
        finally
        {
            queued.TrySetResult();
        }
        await Task.WhenAll(teamCalls);
    }

    private static void Add(Dictionary<string, List<FloorEvent>> groups, string key, FloorEvent e)
    {
        if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
        list.Add(e);
    }
}
