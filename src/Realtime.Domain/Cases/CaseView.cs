using Realtime.Domain.Clocks;
using Realtime.Domain.Events;

namespace Realtime.Domain.Cases;

/// <summary>A generic case as users see it at one instant; attributes that look like personal data are masked.</summary>
/// <param name="Id">The case id.</param>
/// <param name="CaseType">Its type, e.g. <c>claim</c>; null before <c>case.opened</c> is known.</param>
/// <param name="Status">Open, paused or closed.</param>
/// <param name="TeamId">Its team (the latest event naming one, in time order).</param>
/// <param name="AgentId">Its owner (the latest event naming one, in time order).</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="ClosedAt">When it was closed; null while it is not.</param>
/// <param name="Attributes">Its attributes, later events overriding earlier ones.</param>
/// <param name="Steps">How many of each step it recorded.</param>
/// <param name="Clocks">The clocks of its type that apply to it (a clock whose condition failed at its start is left out).</param>
/// <param name="EscalationLevel">How far a breach has climbed the escalation chain: 0 none, 1 team lead, 2 deputy director, 3 director.</param>
/// <param name="EscalationRole">The role matching <paramref name="EscalationLevel"/>.</param>
public sealed record CaseView(
    string Id,
    string? CaseType,
    CaseStatus Status,
    string? TeamId,
    string? AgentId,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyDictionary<string, CaseAttribute> Attributes,
    IReadOnlyDictionary<string, int> Steps,
    IReadOnlyList<ClockView> Clocks,
    int EscalationLevel = 0,
    EscalationRole EscalationRole = EscalationRole.None);
