namespace Realtime.Grains.Agents;

/// <summary>An agent's score in brief, for boards: the total and the dimension scores of one window.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Total">The total (1 decimal), or null.</param>
/// <param name="CoveredDimensions">The dimensions the total covers.</param>
/// <param name="Dimensions">Each dimension's id, score and weight.</param>
public sealed record AgentScoreSummary(string AgentId, double? Total, IReadOnlyList<string> CoveredDimensions, IReadOnlyList<DimensionScoreSummary> Dimensions)
{
    /// <summary>The summary of a full scorecard.</summary>
    public static AgentScoreSummary From(ScorecardResource scorecard) => new(
        scorecard.AgentId, scorecard.Total, scorecard.CoveredDimensions,
        scorecard.Dimensions.Select(d => new DimensionScoreSummary(d.Id, d.Score, d.Weight)).ToArray());
}
