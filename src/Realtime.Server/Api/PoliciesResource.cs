namespace Realtime.Server.Api;

/// <summary><c>GET /api/policies</c>: the clock policies in force.</summary>
public sealed record PoliciesResource(PolicySetResource Complaints, PolicySetResource Cases);
