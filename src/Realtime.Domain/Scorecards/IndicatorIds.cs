namespace Realtime.Domain.Scorecards;

/// <summary>The stable wire ids of the scorecard's indicators (also the <c>indicator</c> of <c>agent.rated</c>).</summary>
public static class IndicatorIds
{
    /// <summary>Mean survey score, 0–100 (live).</summary>
    public const string Satisfaction = "satisfaction";
    /// <summary>Complaints about the agent ÷ services handled, percent (live).</summary>
    public const string ComplaintRate = "complaint_rate";
    /// <summary>Services resolved at first contact ÷ services handled, percent (live).</summary>
    public const string FirstContactResolution = "first_contact_resolution";
    /// <summary>Mean response time in seconds (live).</summary>
    public const string AvgResponseTime = "avg_response_time";
    /// <summary>Praises received in the window (live).</summary>
    public const string PraiseCount = "praise_count";

    /// <summary>Knowledge test score, 0–100.</summary>
    public const string KnowledgeTest = "knowledge_test";
    /// <summary>Sales achieved as a percentage of target.</summary>
    public const string SalesVsTarget = "sales_vs_target";
    /// <summary>Claims-assistance accuracy, percent.</summary>
    public const string ClaimsAccuracy = "claims_accuracy";
    /// <summary>Training attendance, percent.</summary>
    public const string TrainingAttendance = "training_attendance";
    /// <summary>Number of service-rule violations; 100 or more marks a serious violation.</summary>
    public const string Violations = "violations";

    /// <summary>Cross-department task completion, percent.</summary>
    public const string CrossDeptCompletion = "cross_dept_completion";
    /// <summary>Internal communication, rated 0–100.</summary>
    public const string InternalCommunication = "internal_communication";
    /// <summary>Customer communication, rated 0–100.</summary>
    public const string CustomerCommunication = "customer_communication";
    /// <summary>Information error rate, percent.</summary>
    public const string InfoErrorRate = "info_error_rate";
    /// <summary>Emotion management, rated 0–100.</summary>
    public const string EmotionManagement = "emotion_management";

    /// <summary>New skills trained in the quarter (count).</summary>
    public const string NewSkills = "new_skills";
    /// <summary>Improvement plan completion, percent.</summary>
    public const string ImprovementPlan = "improvement_plan";
    /// <summary>Self-assessment, rated 0–100.</summary>
    public const string SelfAssessment = "self_assessment";
    /// <summary>Initiative, rated 0–100.</summary>
    public const string Initiative = "initiative";
    /// <summary>Career plan, rated 0–100.</summary>
    public const string CareerPlan = "career_plan";
}
