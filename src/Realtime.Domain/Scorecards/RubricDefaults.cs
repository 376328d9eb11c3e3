using static Realtime.Domain.Scorecards.Direction;
using static Realtime.Domain.Scorecards.IndicatorSource;
using static Realtime.Domain.Scorecards.IndicatorUnit;

namespace Realtime.Domain.Scorecards;

/// <summary>
/// The default scorecard (客服人员服务质量绩效表) of domain.md. Rates are percents (0–100), response
/// time is in seconds. Where the source documents give no bands (internal and customer communication,
/// emotion management, self-assessment, initiative, career plan) the indicator is a 0–100 rating,
/// higher is better, with edges 90 / 80 / 60. <c>violations</c> counts violations (0 excellent, 1–2 good,
/// 3 or more pass); a value of 100 or more marks a serious violation and fails. <c>new_skills</c>:
/// 2 or more excellent, 1 good, 0 pass; only a negative value (explicitly "none", e.g. a refused training) fails.
/// </summary>
public static class RubricDefaults
{
    /// <summary>The edges of the 0–100 ratings the documents give no bands for.</summary>
    public static BandEdges UnbandedRatingEdges { get; } = new(90, 80, 60);

    /// <summary>The default dimensions and indicators.</summary>
    public static IReadOnlyList<RubricDimension> Dimensions { get; } =
    [
        new(DimensionIds.CustomerSatisfaction, "客户满意度", "Customer satisfaction", 40,
        [
            Live(IndicatorIds.Satisfaction, "满意度评分", "Satisfaction score", Score, HigherIsBetter, new(90, 80, 60)),
            Live(IndicatorIds.ComplaintRate, "投诉率", "Complaint rate", Percent, LowerIsBetter, new(5, 10, 20)),
            Live(IndicatorIds.FirstContactResolution, "首次联系解决率", "First-contact resolution", Percent, HigherIsBetter, new(80, 70, 60)),
            Live(IndicatorIds.AvgResponseTime, "平均响应时间", "Average response time", Seconds, LowerIsBetter, new(120, 300, 600, ExcellentInclusive: true)),
            Live(IndicatorIds.PraiseCount, "客户表扬", "Customer praise", Count, HigherIsBetter, new(5, 3, 1)),
        ]),
        new(DimensionIds.BusinessAbility, "业务能力", "Business ability", 25,
        [
            Manual(DimensionIds.BusinessAbility, IndicatorIds.KnowledgeTest, "业务知识考试", "Knowledge test", Score, HigherIsBetter, new(90, 80, 70)),
            Manual(DimensionIds.BusinessAbility, IndicatorIds.SalesVsTarget, "销售目标达成率", "Sales vs target", Percent, HigherIsBetter, new(120, 100, 80)),
            Manual(DimensionIds.BusinessAbility, IndicatorIds.ClaimsAccuracy, "理赔协助准确率", "Claims-assistance accuracy", Percent, HigherIsBetter, new(95, 90, 85)),
            Manual(DimensionIds.BusinessAbility, IndicatorIds.TrainingAttendance, "培训出勤率", "Training attendance", Percent, HigherIsBetter, new(100, 80, 60)),
            Manual(DimensionIds.BusinessAbility, IndicatorIds.Violations, "服务规范违规", "Service-rule violations", Count, LowerIsBetter, new(0, 2, 99, ExcellentInclusive: true)),
        ]),
        new(DimensionIds.Communication, "沟通协作", "Communication & collaboration", 20,
        [
            Manual(DimensionIds.Communication, IndicatorIds.CrossDeptCompletion, "跨部门协作完成率", "Cross-department completion", Percent, HigherIsBetter, new(95, 90, 85)),
            Manual(DimensionIds.Communication, IndicatorIds.InternalCommunication, "内部沟通", "Internal communication", Score, HigherIsBetter, UnbandedRatingEdges),
            Manual(DimensionIds.Communication, IndicatorIds.CustomerCommunication, "客户沟通", "Customer communication", Score, HigherIsBetter, UnbandedRatingEdges),
            Manual(DimensionIds.Communication, IndicatorIds.InfoErrorRate, "信息传递错误率", "Information error rate", Percent, LowerIsBetter, new(2, 5, 10)),
            Manual(DimensionIds.Communication, IndicatorIds.EmotionManagement, "情绪管理", "Emotion management", Score, HigherIsBetter, UnbandedRatingEdges),
        ]),
        new(DimensionIds.PersonalGrowth, "个人成长", "Personal growth", 15,
        [
            Manual(DimensionIds.PersonalGrowth, IndicatorIds.NewSkills, "新技能培训", "New skills trained", Count, HigherIsBetter, new(2, 1, 0)),
            Manual(DimensionIds.PersonalGrowth, IndicatorIds.ImprovementPlan, "改进计划完成率", "Improvement plan completion", Percent, HigherIsBetter, new(100, 80, 60)),
            Manual(DimensionIds.PersonalGrowth, IndicatorIds.SelfAssessment, "自我评估", "Self-assessment", Score, HigherIsBetter, UnbandedRatingEdges),
            Manual(DimensionIds.PersonalGrowth, IndicatorIds.Initiative, "工作主动性", "Initiative", Score, HigherIsBetter, UnbandedRatingEdges),
            Manual(DimensionIds.PersonalGrowth, IndicatorIds.CareerPlan, "职业规划", "Career plan", Score, HigherIsBetter, UnbandedRatingEdges),
        ]),
    ];

    /// <summary>The ids of the indicators entered as rating events (everything outside customer satisfaction).</summary>
    public static IReadOnlySet<string> ManualIndicatorIds { get; } = Dimensions
        .SelectMany(d => d.Indicators)
        .Where(i => i.Source == IndicatorSource.Manual)
        .Select(i => i.Id)
        .ToHashSet(StringComparer.Ordinal);

    private static RubricIndicator Live(string id, string zh, string en, IndicatorUnit unit, Direction direction, BandEdges edges) =>
        new(id, DimensionIds.CustomerSatisfaction, zh, en, IndicatorSource.Live, unit, direction, edges);

    private static RubricIndicator Manual(string dimension, string id, string zh, string en, IndicatorUnit unit, Direction direction, BandEdges edges) =>
        new(id, dimension, zh, en, IndicatorSource.Manual, unit, direction, edges);
}
