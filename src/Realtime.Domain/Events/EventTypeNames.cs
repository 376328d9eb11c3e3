namespace Realtime.Domain.Events;

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
