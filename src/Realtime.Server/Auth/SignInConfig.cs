namespace Realtime.Server.Auth;

/// <summary>What the sign-in page needs: <c>local</c> or <c>oidc</c>, the authority and client id, and the demo's users.</summary>
public sealed record SignInConfig(string Mode, string? Authority, string? ClientId, IReadOnlyList<SignInDemoUser> DemoUsers);
