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
