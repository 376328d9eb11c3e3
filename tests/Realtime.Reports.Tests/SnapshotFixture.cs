using Realtime.Domain.Calendars;
using Realtime.Domain.Kpis;
using Realtime.Domain.Quarters;
using Realtime.Domain.Scorecards;

namespace Realtime.Reports.Tests;

/// <summary>A small closed 2026Q3 by hand: two ranked agents and one without a final score, two teams.</summary>
public static class SnapshotFixture
{
    public static QuarterSnapshot Q3()
    {
        var rubric = Rubric.Default;
        var q = new Quarter(2026, 3);
        var targets = new KpiTargets();
        return new QuarterSnapshot(
            q,
            "Asia/Shanghai",
            new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)),
            new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)),
            new QuarterConfiguration(rubric, targets, BonusTable.Default),
            [
                Agent(rubric, "A2", "T1", 50, 50, 50, 0, 2, 3),
                Agent(rubric, "A1", "T1", 75.0769, 82.7692, 80.4615, 1.0, 1, 2),
                Agent(rubric, "A3", "T2", 75, 84.6154, 81.7308, 1.0, 1, 1),
                new AgentAppraisal("A4", null, [], [], null, 40, null, null, null, null),
            ],
            [
                new TeamAppraisal("T1", Kpis(95.5, 12), 65.2308, 2),
                new TeamAppraisal("T2", Kpis(90, 3), 81.7308, 1),
            ],
            Kpis(94.25, 15));
    }

    private static AgentAppraisal Agent(Rubric rubric, string id, string team, double self, double supervisor, double final, double bonus, int inTeam, int onFloor)
    {
        var indicators = rubric.Indicators.Select(i => i.Id switch
        {
            IndicatorIds.Satisfaction => new SnapshotIndicator(i.Id, 85, Band.Good, 80),
            IndicatorIds.ComplaintRate => new SnapshotIndicator(i.Id, 2.5, Band.Excellent, 100),
            IndicatorIds.PraiseCount => new SnapshotIndicator(i.Id, 3, Band.Good, 80),
            _ => new SnapshotIndicator(i.Id, null, null, null),
        }).ToList();
        var dimensions = rubric.Dimensions.Select(d => new SnapshotDimension(d.Id, d.Id == DimensionIds.CustomerSatisfaction ? 88 : null, d.Weight)).ToList();
        return new AgentAppraisal(id, team, indicators, dimensions, self, supervisor, final, bonus, inTeam, onFloor);
    }

    private static QuarterKpis Kpis(double within48h, int opened) => new(
        opened,
        opened - 1,
        400,
        QuarterKpi.Of(within48h, 95, KpiGoal.AtLeast),
        QuarterKpi.Of(100, null, KpiGoal.AtLeast),
        QuarterKpi.Of(75.5, 120, KpiGoal.AtMost),
        QuarterKpi.Of(8.4, 8, KpiGoal.AtLeast),
        QuarterKpi.Of(78, null, KpiGoal.AtLeast),
        QuarterKpi.Of(null, 95, KpiGoal.AtLeast),
        QuarterKpi.Of(100, 100, KpiGoal.AtLeast),
        new SortedDictionary<string, int>(StringComparer.Ordinal) { ["claims"] = opened - 2, ["billing"] = 2 });
}
