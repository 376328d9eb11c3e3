using Realtime.Domain.Kpis;

namespace Realtime.Domain.Quarters;

/// <summary>One quarter KPI as frozen: value (rounded; null = no data), target (null = tracked only), goal and met (null when either is missing).</summary>
/// <param name="Value">The value, rounded, or null.</param>
/// <param name="Target">The target, or null.</param>
/// <param name="Goal">Floor or ceiling.</param>
/// <param name="Met">Whether the exact value meets the target; null when value or target is missing.</param>
public sealed record QuarterKpi(double? Value, double? Target, KpiGoal Goal, bool? Met)
{
    /// <summary>Freezes an exact <paramref name="value"/> against <paramref name="target"/>.</summary>
    public static QuarterKpi Of(double? value, double? target, KpiGoal goal) =>
        new(FinalAppraisal.Round(value), target, goal, new Kpi(value, target, goal).Met);
}
