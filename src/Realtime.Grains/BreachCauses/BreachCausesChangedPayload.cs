namespace Realtime.Grains.BreachCauses;

/// <summary>Payload of <c>breachCausesChanged</c>: a notice that the floor's explained breaches changed; views reload the window they show.</summary>
/// <param name="Explained">How many explained breaches the floor keeps now.</param>
public sealed record BreachCausesChangedPayload(int Explained);
