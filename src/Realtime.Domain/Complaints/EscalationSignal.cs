using Realtime.Domain.Clocks;

namespace Realtime.Domain.Complaints;

/// <summary>
/// The escalation chain reached a level (automatic only; a <c>complaint.escalated</c> event is its own notice), of a complaint
/// or of a generic case (<see cref="Cases.Case.Advance"/>).
/// </summary>
/// <param name="Level">1, 2 or 3.</param>
/// <param name="Role">Who the complaint is now escalated to.</param>
/// <param name="At">The instant the level was reached.</param>
/// <param name="Late">Detected later than the tolerance.</param>
public sealed record EscalationSignal(int Level, EscalationRole Role, DateTimeOffset At, bool Late) : SlaSignal
{
    /// <summary>The case clock whose breach reached the level; null for a complaint, whose chain is the complaint's own.</summary>
    public string? Clock { get; init; }
}
