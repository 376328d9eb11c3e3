using Realtime.Domain.Kpis;
using Realtime.Grains.Agents;

namespace Realtime.Grains.Teams;

/// <summary>One KPI on the wire: value (null = no data), target (null = tracked only), goal and whether it is met.</summary>
/// <param name="Value">The value, rounded to 1 decimal, or null.</param>
/// <param name="Target">The target, or null.</param>
/// <param name="Goal"><c>atLeast</c> or <c>atMost</c>.</param>
/// <param name="Met">Whether the target is met (on the unrounded value); null without value or target.</param>
public sealed record KpiResource(double? Value, double? Target, string Goal, bool? Met)
{
    /// <summary>The wire form of <paramref name="kpi"/>.</summary>
    public static KpiResource From(Kpi kpi) =>
        new(Presentation.Round(kpi.Value), kpi.Target, kpi.Goal == KpiGoal.AtMost ? "atMost" : "atLeast", kpi.Met);
}
