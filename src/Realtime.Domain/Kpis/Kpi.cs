namespace Realtime.Domain.Kpis;

/// <summary>One KPI: its value (null = no data, never zero), its target (null = tracked only) and whether it is met (null when either is missing).</summary>
/// <param name="Value">The value, or null.</param>
/// <param name="Target">The target, or null.</param>
/// <param name="Goal">Whether the target is a floor or a ceiling.</param>
public sealed record Kpi(double? Value, double? Target, KpiGoal Goal = KpiGoal.AtLeast)
{
    /// <summary>True when value and target are known and the target is met; null otherwise.</summary>
    public bool? Met => Value is { } v && Target is { } t ? (Goal == KpiGoal.AtLeast ? v >= t : v <= t) : null;
}
