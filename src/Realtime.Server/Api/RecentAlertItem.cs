using System.Text.Json;

namespace Realtime.Server.Api;

/// <summary>One alert of <c>GET /api/…/alerts</c>: its kind, when the server published it, and the hub message's payload.</summary>
/// <param name="Kind"><c>warning</c> (<c>slaWarning</c>), <c>breached</c> (<c>slaBreached</c>) or <c>escalated</c>.</param>
/// <param name="At">When the server published the push.</param>
/// <param name="Payload">The payload exactly as the hub sent it (no customer data).</param>
public sealed record RecentAlertItem(string Kind, DateTimeOffset At, JsonElement Payload);
