namespace Realtime.Server.Api;

/// <summary>The versions of the complaint clocks' policy and the case clocks' policy.</summary>
public sealed record PolicyVersionsResource(string Complaints, string Cases);
