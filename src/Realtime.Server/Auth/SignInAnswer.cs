namespace Realtime.Server.Auth;

/// <summary>A signed-in user's token.</summary>
public sealed record SignInAnswer(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, string User, IReadOnlyList<string> Roles, string? Landing);
