namespace Realtime.Grains.Agents;

/// <summary>One dimension on the wire (a value type, like <see cref="IndicatorResource"/>).</summary>
/// <param name="Id">Dimension id.</param>
/// <param name="Label">Its label.</param>
/// <param name="Weight">Its configured weight (percent by convention).</param>
/// <param name="Score">Its score (1 decimal), or null when none of its indicators has data.</param>
/// <param name="EffectiveWeight">Its share of the total after renormalising (0–1, 3 decimals), or null when not covered.</param>
public readonly record struct DimensionResource(string Id, LabelResource Label, double Weight, double? Score, double? EffectiveWeight);
