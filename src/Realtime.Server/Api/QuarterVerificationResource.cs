namespace Realtime.Server.Api;

/// <summary><c>GET /api/quarters/{quarter}/verify</c>.</summary>
public sealed record QuarterVerificationResource(string Quarter, bool Verifiable, bool? Matches, string StoredHash, string? RecomputedHash, string? Reason);
