namespace Realtime.Server.Auth;

/// <summary><c>GET /api/auth/me</c>: who the token says the caller is.</summary>
public sealed record SignedInUser(string User, IReadOnlyList<string> Roles, string? AgentId, IReadOnlyList<string> TeamIds);
