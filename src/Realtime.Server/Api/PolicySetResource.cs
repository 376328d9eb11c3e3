namespace Realtime.Server.Api;

/// <summary>The configured clocks of complaints or of cases, with the version of the whole set.</summary>
public sealed record PolicySetResource(string Version, IReadOnlyList<PolicyClockResource> Clocks);
