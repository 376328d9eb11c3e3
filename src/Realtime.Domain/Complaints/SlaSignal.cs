using System.Text.Json.Serialization;
using Realtime.Domain.Clocks;

namespace Realtime.Domain.Complaints;

/// <summary>
/// Something a complaint's clocks made due, returned once by <see cref="Complaint.Advance"/>.
/// <c>Late</c> on each signal: it was detected more than <see cref="SlaPolicy.LateTolerance"/> after its own instant.
/// Serialized as the base type, each carries a <c>kind</c> discriminator (<c>warning</c>, <c>breach</c>, <c>escalation</c>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SlaWarningSignal), "warning")]
[JsonDerivedType(typeof(SlaBreachSignal), "breach")]
[JsonDerivedType(typeof(EscalationSignal), "escalation")]
public abstract record SlaSignal;

/// <summary>A running clock passed a warning fraction of its target (goes to the owning agent).</summary>
/// <param name="Clock">Clock name.</param>
/// <param name="Fraction">The fraction passed, e.g. 0.75.</param>
/// <param name="At">The instant the fraction was reached.</param>
/// <param name="DueAt">The instant the clock will breach if it keeps running.</param>
/// <param name="Late">Detected later than the tolerance.</param>
public sealed record SlaWarningSignal(string Clock, double Fraction, DateTimeOffset At, DateTimeOffset DueAt, bool Late) : SlaSignal;

/// <summary>A clock's running time reached its target (goes to the supervisor).</summary>
/// <param name="Clock">Clock name.</param>
/// <param name="DueAt">The due instant.</param>
/// <param name="BreachedAt">The true breach instant; equal to <paramref name="DueAt"/>.</param>
/// <param name="DetectedAt">The <c>now</c> at which it was detected.</param>
/// <param name="Late">Detected later than the tolerance.</param>
public sealed record SlaBreachSignal(string Clock, DateTimeOffset DueAt, DateTimeOffset BreachedAt, DateTimeOffset DetectedAt, bool Late) : SlaSignal;

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
