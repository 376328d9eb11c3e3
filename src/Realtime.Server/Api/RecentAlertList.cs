namespace Realtime.Server.Api;

/// <summary><c>GET /api/floor/alerts</c>, <c>/api/teams/{id}/alerts</c>, <c>/api/agents/{id}/alerts</c>: the scope's recent alerts, newest first.</summary>
public sealed record RecentAlertList(IReadOnlyList<RecentAlertItem> Items);
