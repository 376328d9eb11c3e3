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

/// <summary>A copy of a team's state, safe to read outside the grain.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Activity">A copy of its KPI history.</param>
/// <param name="AgentIds">The agents seen working for it, sorted.</param>
public sealed record TeamSnapshot(string TeamId, TeamActivity Activity, IReadOnlyList<string> AgentIds);

/// <summary>The registry of teams on the floor (key <see cref="Key"/>): the team grains register on their first event.</summary>
public interface IFloorGrain : IGrainWithStringKey
{
    /// <summary>The one key of the floor grain.</summary>
    const string Key = "floor";

    /// <summary>Adds <paramref name="teamId"/> to the floor (idempotent).</summary>
    Task RegisterTeamAsync(string teamId);

    /// <summary>Every team on the floor, sorted.</summary>
    Task<IReadOnlyList<string>> GetTeamIdsAsync();
}

/// <summary>The kinds of <see cref="TeamComplaintFact"/>, one per <see cref="TeamActivity"/> complaint method.</summary>
public enum TeamComplaintFactKind
{
    /// <summary>Opened in this team.</summary>
    Opened,
    /// <summary>Its clocks paused (waiting on the customer).</summary>
    Paused,
    /// <summary>Its clocks resumed.</summary>
    Resumed,
    /// <summary>One of its clocks breached.</summary>
    Breached,
    /// <summary>Resolved, with whether it met 48 h and 7 days.</summary>
    Resolved,
    /// <summary>Reopened after a resolution.</summary>
    Reopened,
    /// <summary>Moved here from another team.</summary>
    TransferredIn,
    /// <summary>Moved to another team.</summary>
    TransferredOut,
    /// <summary>Its first response.</summary>
    FirstResponse,
}

/// <summary>A fact a complaint grain tells its team grain; which fields matter depends on <see cref="Kind"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Ordinal">The complaint's running count of facts told (with the id, a unique key).</param>
/// <param name="At">When it happened.</param>
public sealed record TeamComplaintFact(TeamComplaintFactKind Kind, string ComplaintId, int Ordinal, DateTimeOffset At)
{
    /// <summary>Category (opened, reopened, transferred in).</summary>
    public string? Category { get; init; }
    /// <summary>Customer id (opened).</summary>
    public string? CustomerId { get; init; }
    /// <summary>The agent owning it (teaches the team its agents).</summary>
    public string? AgentId { get; init; }
    /// <summary>The breached clock (breached).</summary>
    public string? Clock { get; init; }
    /// <summary>Resolution clock met (resolved).</summary>
    public bool Within48h { get; init; }
    /// <summary>Quick-resolution clock met (resolved).</summary>
    public bool Within7d { get; init; }
    /// <summary>Opening to first response (first response).</summary>
    public TimeSpan ResponseTime { get; init; }

    /// <summary>Unique per complaint and fact.</summary>
    public string Key => ComplaintId + "|" + Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What a team grain persists.</summary>
public sealed class TeamGrainState
{
    /// <summary>The KPI history; null before the first event.</summary>
    public TeamActivity? Activity { get; set; }

    /// <summary>The agents seen working for the team (unordered: every event tests membership, answers sort).</summary>
    public HashSet<string> Agents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Highest journal sequence applied.</summary>
    public long AppliedSequence { get; set; }

    /// <summary>Complaint facts recently recorded.</summary>
    public RecentKeys RecentFacts { get; set; } = new();

    /// <summary>Whether the floor grain knows this team.</summary>
    public bool RegisteredWithFloor { get; set; }
}
