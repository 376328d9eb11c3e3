using Realtime.Domain.Calendars;
using Realtime.Domain.Events;

namespace Realtime.Domain.Scorecards;

/// <summary>
/// An agent's scorecard over a window or a whole quarter: every indicator graded, every dimension scored,
/// and the total over the dimensions that have data (<see cref="CoveredDimensions"/>); weights of dimensions
/// without data are left out and the rest renormalised. <see cref="Total"/> is null when no dimension has data.
/// </summary>
/// <param name="AgentId">The agent, when computed from an agent's history.</param>
/// <param name="Window">The rolling window, or null for a whole-quarter scorecard.</param>
/// <param name="Quarter">The quarter whose manual ratings were used.</param>
/// <param name="From">First local date of the live data.</param>
/// <param name="To">Last local date of the live data (inclusive).</param>
/// <param name="Rater">Whose manual ratings were used.</param>
/// <param name="Indicators">Every indicator in rubric order.</param>
/// <param name="Dimensions">Every dimension in rubric order.</param>
/// <param name="Total">The weighted total, or null.</param>
/// <param name="CoveredDimensions">The ids of the dimensions the total covers.</param>
public sealed record Scorecard(
    string? AgentId,
    ScorecardWindow? Window,
    Quarter Quarter,
    DateOnly From,
    DateOnly To,
    Rater Rater,
    IReadOnlyList<IndicatorScore> Indicators,
    IReadOnlyList<DimensionScore> Dimensions,
    double? Total,
    IReadOnlyList<string> CoveredDimensions)
{
    /// <summary>The indicator with id <paramref name="id"/>.</summary>
    public IndicatorScore Indicator(string id) => Indicators.First(i => i.Id == id);

    /// <summary>The dimension with id <paramref name="id"/>.</summary>
    public DimensionScore Dimension(string id) => Dimensions.First(d => d.Id == id);
}
