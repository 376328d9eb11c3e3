namespace Realtime.Domain.BreachCauses;

/// <summary>Explained breaches over a window: per reason, per team and per agent (most first).</summary>
/// <param name="Total">Every explained breach in the window.</param>
/// <param name="Reasons">Count per reason code.</param>
/// <param name="Teams">Per team.</param>
/// <param name="Agents">Per agent.</param>
public sealed record BreachCauseSummary(int Total, IReadOnlyDictionary<string, int> Reasons, IReadOnlyList<BreachCauseCount> Teams, IReadOnlyList<BreachCauseCount> Agents);
