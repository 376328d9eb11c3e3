namespace Realtime.Grains.Live;

/// <summary>
/// One push to dashboards: a hub method, its payload and the scopes it goes to. A message with a
/// <see cref="CoalesceKey"/> describes current state (a complaint, a score): when several with the same key are waiting,
/// only the latest is sent. Messages without one are events (warnings, breaches) and are always sent, in order.
/// </summary>
public sealed record LiveMessage(string Method, object Payload, IReadOnlyList<string> Scopes, string? CoalesceKey = null);
