namespace Realtime.Server.Api;

/// <summary>One team in <c>GET /api/teams</c>, with its open, paused and breached complaints now.</summary>
public sealed record TeamListItem(string TeamId, int OpenComplaints, int PausedComplaints, int BreachedComplaints);
