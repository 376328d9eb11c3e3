namespace Realtime.Server.Auth;

/// <summary>A demo user as the sign-in page lists it.</summary>
public sealed record SignInDemoUser(string User, string Label, string Landing);
