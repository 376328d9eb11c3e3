using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Quarters;

/// <summary>The configuration a snapshot was computed with (rubric weights, bands and points, KPI targets, bonus table, final-score weights).</summary>
/// <param name="Rubric">The scorecard rubric.</param>
/// <param name="KpiTargets">The KPI targets.</param>
/// <param name="BonusTable">The bonus table.</param>
public sealed record QuarterConfiguration(Rubric Rubric, KpiTargets KpiTargets, BonusTable BonusTable)
{
    /// <summary>
    /// The SLA clocks the team KPIs were computed under (they decide which resolutions count as within 48 h or 7 days),
    /// so a later change of clock targets does not change a recomputation. Null in snapshots closed before it was stamped.
    /// </summary>
    public IReadOnlyList<Clocks.ClockPolicy>? SlaClocks { get; init; }
}
