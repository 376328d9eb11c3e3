namespace Realtime.Domain.Scorecards;

/// <summary>The graded part of a scorecard: indicators, dimensions, total and covered dimensions.</summary>
/// <param name="Indicators">Every indicator in rubric order.</param>
/// <param name="Dimensions">Every dimension in rubric order.</param>
/// <param name="Total">The weighted total over covered dimensions, or null.</param>
/// <param name="CoveredDimensions">The ids of the dimensions the total covers.</param>
public sealed record ScorecardGrades(
    IReadOnlyList<IndicatorScore> Indicators,
    IReadOnlyList<DimensionScore> Dimensions,
    double? Total,
    IReadOnlyList<string> CoveredDimensions);
