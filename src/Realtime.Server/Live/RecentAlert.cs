namespace Realtime.Server.Live;

/// <summary>A warning, breach or escalation as <see cref="RecentAlerts"/> keeps it for boards opened after it.</summary>
/// <param name="Kind"><c>warning</c>, <c>breached</c> or <c>escalated</c>, as the dashboards name them.</param>
/// <param name="At">When this server published (or received from another server) its push.</param>
/// <param name="Payload">The hub message's payload, as its JSON bytes.</param>
public sealed record RecentAlert(string Kind, DateTimeOffset At, ReadOnlyMemory<byte> Payload);
