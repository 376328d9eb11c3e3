namespace Realtime.Testing.Server;

/// <summary>What a <see cref="TestOidcIssuer"/>'s token endpoint accepted: a code, its PKCE challenge and the verifier that matched it.</summary>
/// <param name="Code">The authorization code exchanged.</param>
/// <param name="CodeChallenge">The S256 challenge the authorization request carried.</param>
/// <param name="CodeVerifier">The verifier the token request carried (its SHA-256 is the challenge).</param>
public sealed record TestOidcExchange(string Code, string CodeChallenge, string CodeVerifier);
