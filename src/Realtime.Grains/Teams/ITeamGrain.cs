using Realtime.Domain.Events;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Deadlines;

namespace Realtime.Grains.Teams;

/// <summary>
/// One team (组), keyed by team id: keeps the team's KPI history (<see cref="TeamActivity"/>), knows its agents and
/// pushes <c>kpiChanged</c> when its KPIs change.
/// </summary>
public interface ITeamGrain : IDeadlineReceiver
{
    /// <summary>
    /// Applies the team's share of one journal batch, in journal order: <c>service.handled</c> naming the team, and the
    /// surveys and follow-ups of its agents. Events at or below the applied sequence are skipped.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<FloorEvent> events);

    /// <summary>Records what complaint grains found (opened, paused, breached, resolved …), in order. A fact already recorded is ignored.</summary>
    Task RecordComplaintFactsAsync(IReadOnlyList<TeamComplaintFact> facts);

    /// <summary>The team's KPIs over <paramref name="window"/> now; null when the team never had an event.</summary>
    Task<TeamKpis?> GetKpisAsync(ScorecardWindow window);

    /// <summary>The agents seen working for the team (some may have moved on: their scorecards say their current team), sorted.</summary>
    Task<IReadOnlyList<string>> GetAgentIdsAsync();

    /// <summary>A copy of the team's history and its agents (for the floor aggregate); null when the team never had an event.</summary>
    Task<TeamSnapshot?> GetSnapshotAsync();
}
