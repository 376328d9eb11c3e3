namespace Realtime.Server.Api;

/// <summary>One configured clock and its policy version (<c>caseType</c> for case clocks only).</summary>
public sealed record PolicyClockResource(string Name, string Version, string? CaseType = null);
