namespace Realtime.Server.Auth;

/// <summary>A user <c>--demo</c> made at start, with its generated password (shown in the log and on the demo's sign-in page).</summary>
/// <param name="User">The user.</param>
/// <param name="Password">The password generated at start.</param>
/// <param name="Label">What the sign-in page shows.</param>
/// <param name="Landing">The dashboard the user lands on; null for roles without one (auditor, ingest: the API only).</param>
public sealed record DemoUser(AuthUser User, string Password, string Label, string? Landing);
