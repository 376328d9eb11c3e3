namespace Realtime.Dashboards.Tests;

/// <summary>Ingest events (contract v1) as the tests send them; ids are unique per call so tests never collide.</summary>
internal static class FloorEvents
{
    private static long _issued;

    /// <summary>
    /// A unique id with a readable prefix, e.g. "C-breach-1f3f2a9c": a counter, so no two ids of this process are ever
    /// equal, then random hex for ids of other runs. Random hex alone (six digits) collided: a run sends thousands of
    /// events, and the server rightly drops an event whose id it has seen, so a board showed 999 of 1,000 complaints.
    /// </summary>
    public static string UniqueId(string prefix) =>
        $"{prefix}-{Interlocked.Increment(ref _issued):x}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A complaint.opened event occurring now, with masked-looking customer data the server masks anyway.</summary>
    public static object ComplaintOpened(string complaintId, string teamId, string agentId = "A-1001", string severity = "normal", DateTimeOffset? occurredAt = null) => new
    {
        id = UniqueId("evt"),
        type = "complaint.opened",
        occurredAt = (occurredAt ?? DateTimeOffset.UtcNow).ToString("O"),
        complaintId,
        teamId,
        agentId,
        category = "claims",
        severity,
        channel = severity == "high" ? "regulator" : "hotline",
        customerId = UniqueId("cust"),
        customerName = "张三",
        customerPhone = "13812341234",
    };

    /// <summary>A case.opened event (generic cases: <c>claim</c>, <c>followup</c> …) at <paramref name="occurredAt"/>.</summary>
    public static object CaseOpened(string caseId, string caseType, string teamId, string agentId, DateTimeOffset occurredAt) => new
    {
        id = UniqueId("evt"),
        type = "case.opened",
        occurredAt = occurredAt.ToString("O"),
        caseId,
        caseType,
        teamId,
        agentId,
        attributes = new { amount = 12000, injury = false },
    };

    /// <summary>A case.step event, e.g. <c>surveyDispatched</c> (which starts the 3-minute survey clock of a claim).</summary>
    public static object CaseStep(string caseId, string step, DateTimeOffset occurredAt) => new
    {
        id = UniqueId("evt"),
        type = "case.step",
        occurredAt = occurredAt.ToString("O"),
        caseId,
        step,
    };

    /// <summary>A complaint.resolved event occurring now.</summary>
    public static object ComplaintResolved(string complaintId) => new
    {
        id = UniqueId("evt"),
        type = "complaint.resolved",
        occurredAt = DateTimeOffset.UtcNow.ToString("O"),
        complaintId,
    };

    /// <summary>A service.handled event occurring now.</summary>
    public static object ServiceHandled(string agentId, string teamId, bool firstContactResolved = true, double responseSeconds = 30, DateTimeOffset? occurredAt = null) => new
    {
        id = UniqueId("evt"),
        type = "service.handled",
        occurredAt = (occurredAt ?? DateTimeOffset.UtcNow).ToString("O"),
        agentId,
        teamId,
        contactId = UniqueId("contact"),
        firstContactResolved,
        responseSeconds,
    };

    /// <summary>A survey.submitted event occurring now (score 0–100).</summary>
    public static object SurveySubmitted(string agentId, double score, DateTimeOffset? occurredAt = null) => new
    {
        id = UniqueId("evt"),
        type = "survey.submitted",
        occurredAt = (occurredAt ?? DateTimeOffset.UtcNow).ToString("O"),
        agentId,
        score,
    };

    /// <summary>A praise.received event occurring now.</summary>
    public static object PraiseReceived(string agentId, DateTimeOffset? occurredAt = null) => new
    {
        id = UniqueId("evt"),
        type = "praise.received",
        occurredAt = (occurredAt ?? DateTimeOffset.UtcNow).ToString("O"),
        agentId,
    };

    /// <summary>An agent.rated event: <paramref name="rater"/> (self or supervisor) rates a manual indicator for <paramref name="period"/>.</summary>
    public static object AgentRated(string agentId, string indicator, double value, string rater, string period, DateTimeOffset occurredAt) => new
    {
        id = UniqueId("evt"),
        type = "agent.rated",
        occurredAt = occurredAt.ToString("O"),
        agentId,
        indicator,
        value,
        rater,
        period,
    };

    /// <summary>A complaint.responded event: the agent's first response at <paramref name="occurredAt"/>.</summary>
    public static object ComplaintResponded(string complaintId, string agentId, DateTimeOffset occurredAt) => new
    {
        id = UniqueId("evt"),
        type = "complaint.responded",
        occurredAt = occurredAt.ToString("O"),
        complaintId,
        agentId,
    };

    /// <summary>A complaint.escalated event raising the complaint to <paramref name="level"/> by hand.</summary>
    public static object ComplaintEscalated(string complaintId, int level, DateTimeOffset occurredAt) => new
    {
        id = UniqueId("evt"),
        type = "complaint.escalated",
        occurredAt = occurredAt.ToString("O"),
        complaintId,
        level,
    };
}
