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
