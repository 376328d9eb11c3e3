using Realtime.Domain.Clocks;
using Realtime.Domain.Events;

namespace Realtime.Domain.Complaints;

/// <summary>
/// A complaint as shown to users at an instant (<c>GET /api/complaints/{id}</c>, <c>complaintChanged</c>).
/// Customer name and phone are masked (张*, 138****1234); the raw values never leave <see cref="ComplaintState"/>.
/// </summary>
/// <param name="Id">Complaint id.</param>
/// <param name="Status">Open, paused or resolved.</param>
/// <param name="TeamId">Current team.</param>
/// <param name="AgentId">Current owner.</param>
/// <param name="AboutAgentId">The agent complained about.</param>
/// <param name="Category">Category.</param>
/// <param name="Channel">Channel.</param>
/// <param name="Severity">Severity.</param>
/// <param name="CustomerName">Masked customer name.</param>
/// <param name="CustomerPhone">Masked customer phone.</param>
/// <param name="OpenedAt">When it was opened; null until <c>complaint.opened</c> is known.</param>
/// <param name="EscalationLevel">0 none, 1 team lead, 2 deputy director, 3 director.</param>
/// <param name="EscalationRole">The role matching <paramref name="EscalationLevel"/>.</param>
/// <param name="Clocks">Every policy clock, in policy order; not-started clocks have a null state.</param>
public sealed record ComplaintView(
    string Id,
    ComplaintStatus Status,
    string? TeamId,
    string? AgentId,
    string? AboutAgentId,
    string? Category,
    string? Channel,
    Severity Severity,
    string? CustomerName,
    string? CustomerPhone,
    DateTimeOffset? OpenedAt,
    int EscalationLevel,
    EscalationRole EscalationRole,
    IReadOnlyList<ClockView> Clocks);
