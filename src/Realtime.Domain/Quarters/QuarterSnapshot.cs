using Realtime.Domain.Calendars;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Quarters;

/// <summary>
/// The frozen content of a closed quarter: per agent the appraisal, per team and for the department the KPIs,
/// team rankings, and the configuration in force. <see cref="QuarterSnapshotJson"/> writes it as canonical bytes;
/// the SHA-256 of those bytes is the snapshot's hash.
/// </summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="TimeZone">The company zone the quarter is reckoned in.</param>
/// <param name="From">The first instant of the quarter (inclusive).</param>
/// <param name="To">The first instant after the quarter (exclusive).</param>
/// <param name="Config">The configuration in force.</param>
/// <param name="Agents">Every agent with data in the quarter, by agent id (ordinal).</param>
/// <param name="Teams">Every team with data in the quarter or an agent, by team id (ordinal).</param>
/// <param name="Department">The department's KPIs (all teams together).</param>
public sealed record QuarterSnapshot(
    Quarter Quarter,
    string TimeZone,
    DateTimeOffset From,
    DateTimeOffset To,
    QuarterConfiguration Config,
    IReadOnlyList<AgentAppraisal> Agents,
    IReadOnlyList<TeamAppraisal> Teams,
    QuarterKpis Department)
{
    /// <summary>
    /// The explained complaint breaches of the quarter (by breach day) per reason, team and agent, each under the team and
    /// owner at its breach instant; null in snapshots closed before causes were kept (their content stays as it was).
    /// </summary>
    public BreachCauses.BreachCauseSummary? BreachCauses { get; init; }
}

/// <summary>The configuration a snapshot was computed with (rubric weights, bands and points, KPI targets, bonus table, final-score weights).</summary>
/// <param name="Rubric">The scorecard rubric.</param>
/// <param name="KpiTargets">The KPI targets.</param>
/// <param name="BonusTable">The bonus table.</param>
public sealed record QuarterConfiguration(Rubric Rubric, KpiTargets KpiTargets, BonusTable BonusTable)
{
    /// <summary>
    /// The SLA clocks the team KPIs were computed under (they decide which resolutions count as within 48 h or 7 days),
    /// so a later change of clock targets does not change a recomputation. Null in snapshots closed before it was stamped.
    /// </summary>
    public IReadOnlyList<Clocks.ClockPolicy>? SlaClocks { get; init; }
}

/// <summary>One graded indicator as frozen (the supervisor view: live indicators plus the supervisor's ratings).</summary>
/// <param name="Id">Indicator id.</param>
/// <param name="Value">The value (rounded), or null without data.</param>
/// <param name="Band">The band of the exact value, or null.</param>
/// <param name="Points">The band's points, or null.</param>
public sealed record SnapshotIndicator(string Id, double? Value, Band? Band, double? Points);

/// <summary>One dimension as frozen (supervisor view).</summary>
/// <param name="Id">Dimension id.</param>
/// <param name="Score">Its score (rounded), or null without data.</param>
/// <param name="Weight">Its configured weight.</param>
public sealed record SnapshotDimension(string Id, double? Score, double Weight);

/// <summary>One agent's final appraisal for the quarter.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="TeamId">The agent's team (see <see cref="QuarterAppraisal"/> for how it is decided), or null.</param>
/// <param name="Indicators">Every indicator in rubric order (supervisor view).</param>
/// <param name="Dimensions">Every dimension in rubric order (supervisor view).</param>
/// <param name="SelfTotal">The total with the agent's own ratings, or null.</param>
/// <param name="SupervisorTotal">The total with the supervisor's ratings, or null.</param>
/// <param name="FinalScore">Self × 30 % + supervisor × 70 %, or null when either total is missing.</param>
/// <param name="BonusCoefficient">The bonus table's coefficient for the final score, or null without one.</param>
/// <param name="RankInTeam">Competition rank by final score among the team's agents with one, or null.</param>
/// <param name="RankOnFloor">Competition rank by final score among all agents with one, or null.</param>
public sealed record AgentAppraisal(
    string AgentId,
    string? TeamId,
    IReadOnlyList<SnapshotIndicator> Indicators,
    IReadOnlyList<SnapshotDimension> Dimensions,
    double? SelfTotal,
    double? SupervisorTotal,
    double? FinalScore,
    double? BonusCoefficient,
    int? RankInTeam,
    int? RankOnFloor);

/// <summary>One team in the quarterly group competition (季度竞赛).</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Kpis">Its KPIs for the quarter.</param>
/// <param name="MeanFinalScore">The mean final score of its agents that have one (rounded), or null.</param>
/// <param name="Rank">Competition rank by <paramref name="MeanFinalScore"/>, or null without one.</param>
public sealed record TeamAppraisal(string TeamId, QuarterKpis Kpis, double? MeanFinalScore, int? Rank);
