namespace Realtime.Server.Auth;

/// <summary>The body of <c>POST /api/auth/token</c> (and of the demo's one-click sign-in, which needs only the user).</summary>
public sealed record SignInRequest(string? User, string? Password);
