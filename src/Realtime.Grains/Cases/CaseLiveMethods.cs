namespace Realtime.Grains.Cases;

/// <summary>The hub methods of generic cases; complaints keep theirs (<c>slaWarning</c>, <c>slaBreached</c> …) unchanged.</summary>
public static class CaseLiveMethods
{
    /// <summary>A case clock passed a warning fraction.</summary>
    public const string CaseWarning = "caseWarning";

    /// <summary>A case clock passed its target.</summary>
    public const string CaseBreached = "caseBreached";

    /// <summary>A breached case clock climbed a level of the escalation chain.</summary>
    public const string CaseEscalated = "caseEscalated";

    /// <summary>Any change of a case.</summary>
    public const string CaseChanged = "caseChanged";

    /// <summary>A team's or the floor's case clock KPIs changed.</summary>
    public const string CaseKpiChanged = "caseKpiChanged";
}
