namespace Realtime.Domain.Scorecards;

/// <summary>One dimension of a computed scorecard (a value type, like <see cref="IndicatorScore"/>).</summary>
/// <param name="Id">Dimension id.</param>
/// <param name="Weight">Its configured weight (default 40 / 25 / 20 / 15).</param>
/// <param name="Score">The weighted mean of the points of its indicators with data (0–100 with default points), or null when none has data.</param>
/// <param name="EffectiveWeight">Its share of the total after renormalising over the covered dimensions (0–1), or null when not covered.</param>
public readonly record struct DimensionScore(string Id, double Weight, double? Score, double? EffectiveWeight);
