using Realtime.Domain.Calendars;
using Realtime.Domain.Events;

namespace Realtime.Domain.Scorecards;

/// <summary>
/// One indicator of a computed scorecard. <see cref="Value"/>, <see cref="Band"/> and <see cref="Points"/> are all null
/// when there is no data (never zero). A value type: agents recompute three scorecards per change, and an object per
/// indicator was most of what that allocated.
/// </summary>
/// <param name="Id">Indicator id.</param>
/// <param name="Dimension">Its dimension id.</param>
/// <param name="Value">The value in the indicator's unit (percent for rates, seconds for response time), or null.</param>
/// <param name="Band">Its band, or null.</param>
/// <param name="Points">The band's points, or null.</param>
public readonly record struct IndicatorScore(string Id, string Dimension, double? Value, Band? Band, double? Points);

/// <summary>One dimension of a computed scorecard (a value type, like <see cref="IndicatorScore"/>).</summary>
/// <param name="Id">Dimension id.</param>
/// <param name="Weight">Its configured weight (default 40 / 25 / 20 / 15).</param>
/// <param name="Score">The weighted mean of the points of its indicators with data (0–100 with default points), or null when none has data.</param>
/// <param name="EffectiveWeight">Its share of the total after renormalising over the covered dimensions (0–1), or null when not covered.</param>
public readonly record struct DimensionScore(string Id, double Weight, double? Score, double? EffectiveWeight);

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
