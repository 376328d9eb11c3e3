namespace Realtime.Grains.Agents;

/// <summary>A dimension's score and weight in a <see cref="AgentScoreSummary"/>.</summary>
/// <param name="Id">Dimension id.</param>
/// <param name="Score">Its score, or null.</param>
/// <param name="Weight">Its configured weight.</param>
public sealed record DimensionScoreSummary(string Id, double? Score, double Weight);
