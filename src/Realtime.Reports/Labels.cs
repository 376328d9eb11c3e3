using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;

namespace Realtime.Reports;

/// <summary>The Chinese and English names reports print for bands, KPIs and complaint categories.</summary>
internal static class Labels
{
    public static string Band(Band band) => band switch
    {
        Domain.Scorecards.Band.Excellent => "优秀",
        Domain.Scorecards.Band.Good => "良好",
        Domain.Scorecards.Band.Pass => "合格",
        _ => "不合格",
    };

    public static string Goal(KpiGoal goal) => goal == KpiGoal.AtLeast ? "≥" : "≤";

    /// <summary>The KPIs of quarter snapshots and series by wire name: Chinese, English, format.</summary>
    public static (string Zh, string En, CellFormat Format) Kpi(string name) => name switch
    {
        "resolvedWithin48hRate" => ("48小时投诉处理率", "Resolved within 48 h", CellFormat.Percent),
        "quickResolution7dRate" => ("七日快处率", "7-day quick resolution", CellFormat.Percent),
        "averageFirstResponseSeconds" => ("平均首次响应(秒)", "Average first response (s)", CellFormat.OneDecimal),
        "satisfactionAverage10" => ("平均满意度(10分制)", "Average satisfaction (1-10)", CellFormat.OneDecimal),
        "firstContactResolutionRate" => ("首次联系解决率", "First-contact resolution", CellFormat.Percent),
        "followupCoverage" => ("回访覆盖率", "Follow-up coverage", CellFormat.Percent),
        "followupRecordCompliance" => ("24小时回访录入率", "Follow-ups entered within 24 h", CellFormat.Percent),
        _ => (name, name, CellFormat.OneDecimal),
    };

    /// <summary>A complaint category's Chinese name (ids the product does not know are printed as given).</summary>
    public static string Category(string id) => id switch
    {
        "claims" => "理赔",
        "policyService" => "保全",
        "salesMisconduct" => "销售误导",
        "serviceAttitude" => "服务态度",
        "renewal" => "续保",
        "surrender" => "退保",
        "billing" => "缴费",
        TeamActivity.UnspecifiedCategory => "未分类",
        _ => id,
    };

    public static CellFormat Of(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => CellFormat.Percent,
        IndicatorUnit.Count => CellFormat.Integer,
        _ => CellFormat.OneDecimal,
    };
}
