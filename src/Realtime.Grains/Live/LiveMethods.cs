namespace Realtime.Grains.Live;

/// <summary>The hub method names of the live contract.</summary>
public static class LiveMethods
{
    /// <summary>A clock passed a warning fraction.</summary>
    public const string SlaWarning = "slaWarning";
    /// <summary>A clock passed its target.</summary>
    public const string SlaBreached = "slaBreached";
    /// <summary>A breach climbed the escalation chain.</summary>
    public const string Escalated = "escalated";
    /// <summary>Any change of a complaint.</summary>
    public const string ComplaintChanged = "complaintChanged";
    /// <summary>An agent's rolling score changed.</summary>
    public const string ScoreChanged = "scoreChanged";
    /// <summary>A team's KPIs changed.</summary>
    public const string KpiChanged = "kpiChanged";
}
