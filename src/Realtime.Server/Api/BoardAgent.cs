using Realtime.Grains.Agents;

namespace Realtime.Server.Api;

/// <summary>An agent on a board: the <see cref="AgentScoreSummary"/> fields plus the team, the window and the total's band.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="TeamId">The agent's current team.</param>
/// <param name="Window">The window of the score.</param>
/// <param name="Total">The total (1 decimal), or null without data.</param>
/// <param name="TotalBand">The total's band (<see cref="TotalScoreBands"/>), or null without a total.</param>
/// <param name="CoveredDimensions">The dimensions the total covers.</param>
/// <param name="Dimensions">Each dimension's id, score and weight.</param>
public sealed record BoardAgent(string AgentId, string? TeamId, string Window, double? Total, string? TotalBand, IReadOnlyList<string> CoveredDimensions, IReadOnlyList<DimensionScoreSummary> Dimensions)
{
    /// <summary>The board entry of <paramref name="scorecard"/>.</summary>
    public static BoardAgent From(ScorecardResource scorecard, TotalScoreBands bands)
    {
        var summary = AgentScoreSummary.From(scorecard);
        return new(summary.AgentId, scorecard.TeamId, scorecard.Window, summary.Total, bands.BandOf(summary.Total), summary.CoveredDimensions, summary.Dimensions);
    }
}
