namespace Realtime.Domain.Events;

/// <summary>The event types of the ingest contract (contract.md), one per wire name.</summary>
public enum EventType
{
    /// <summary><c>complaint.opened</c></summary>
    ComplaintOpened,
    /// <summary><c>complaint.assigned</c></summary>
    ComplaintAssigned,
    /// <summary><c>complaint.responded</c></summary>
    ComplaintResponded,
    /// <summary><c>complaint.paused</c></summary>
    ComplaintPaused,
    /// <summary><c>complaint.resumed</c></summary>
    ComplaintResumed,
    /// <summary><c>complaint.escalated</c></summary>
    ComplaintEscalated,
    /// <summary><c>complaint.resolved</c></summary>
    ComplaintResolved,
    /// <summary><c>complaint.reopened</c></summary>
    ComplaintReopened,
    /// <summary><c>service.handled</c></summary>
    ServiceHandled,
    /// <summary><c>survey.submitted</c></summary>
    SurveySubmitted,
    /// <summary><c>praise.received</c></summary>
    PraiseReceived,
    /// <summary><c>followup.completed</c></summary>
    FollowupCompleted,
    /// <summary><c>agent.rated</c></summary>
    AgentRated,
    /// <summary><c>case.opened</c>: a generic case (a claim, a follow-up …) is opened.</summary>
    CaseOpened,
    /// <summary><c>case.step</c>: a case reached a named step (<c>surveyAccepted</c>, <c>followedUp</c> …).</summary>
    CaseStep,
    /// <summary><c>case.paused</c></summary>
    CasePaused,
    /// <summary><c>case.resumed</c></summary>
    CaseResumed,
    /// <summary><c>case.closed</c></summary>
    CaseClosed,
    /// <summary><c>complaint.breachExplained</c>: why a complaint's clock breached.</summary>
    ComplaintBreachExplained,
    /// <summary><c>case.breachExplained</c>: why a case's clock breached.</summary>
    CaseBreachExplained,
}

/// <summary>Maps <see cref="EventType"/> to and from the contract's wire names.</summary>
public static class EventTypeNames
{
    private static readonly Dictionary<string, EventType> ByName = new(StringComparer.Ordinal)
    {
        ["complaint.opened"] = EventType.ComplaintOpened,
        ["complaint.assigned"] = EventType.ComplaintAssigned,
        ["complaint.responded"] = EventType.ComplaintResponded,
        ["complaint.paused"] = EventType.ComplaintPaused,
        ["complaint.resumed"] = EventType.ComplaintResumed,
        ["complaint.escalated"] = EventType.ComplaintEscalated,
        ["complaint.resolved"] = EventType.ComplaintResolved,
        ["complaint.reopened"] = EventType.ComplaintReopened,
        ["service.handled"] = EventType.ServiceHandled,
        ["survey.submitted"] = EventType.SurveySubmitted,
        ["praise.received"] = EventType.PraiseReceived,
        ["followup.completed"] = EventType.FollowupCompleted,
        ["agent.rated"] = EventType.AgentRated,
        ["case.opened"] = EventType.CaseOpened,
        ["case.step"] = EventType.CaseStep,
        ["case.paused"] = EventType.CasePaused,
        ["case.resumed"] = EventType.CaseResumed,
        ["case.closed"] = EventType.CaseClosed,
        ["complaint.breachExplained"] = EventType.ComplaintBreachExplained,
        ["case.breachExplained"] = EventType.CaseBreachExplained,
    };

    private static readonly Dictionary<EventType, string> ByType = ByName.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>All wire names, in contract order.</summary>
    public static IReadOnlyCollection<string> All => ByName.Keys;

    /// <summary>Parses a wire name; false when it is not a contract type.</summary>
    public static bool TryParse(string? name, out EventType type) => ByName.TryGetValue(name ?? "", out type);

    /// <summary>The wire name of <paramref name="type"/>, e.g. <c>complaint.opened</c>.</summary>
    public static string ToWireName(this EventType type) => ByType[type];

    /// <summary>True for the <c>complaint.*</c> types.</summary>
    public static bool IsComplaintEvent(this EventType type) => type <= EventType.ComplaintReopened || type == EventType.ComplaintBreachExplained;

    /// <summary>True for the <c>case.*</c> types of generic cases.</summary>
    public static bool IsCaseEvent(this EventType type) => type is >= EventType.CaseOpened and <= EventType.CaseClosed or EventType.CaseBreachExplained;

    /// <summary>True for <c>complaint.breachExplained</c> and <c>case.breachExplained</c>, which explain a breach and time nothing.</summary>
    public static bool IsBreachExplanation(this EventType type) => type is EventType.ComplaintBreachExplained or EventType.CaseBreachExplained;
}
