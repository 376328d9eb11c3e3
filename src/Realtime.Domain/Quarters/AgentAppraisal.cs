namespace Realtime.Domain.Quarters;

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
