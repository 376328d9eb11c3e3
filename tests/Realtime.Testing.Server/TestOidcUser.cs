namespace Realtime.Testing.Server;

/// <summary>The user a <see cref="TestOidcIssuer"/> signs in (it asks no password) and the claims its tokens carry.</summary>
/// <param name="Subject">The token's <c>sub</c>.</param>
/// <param name="Roles">The <c>role</c> claim (a list, as the server accepts one or several).</param>
/// <param name="AgentId">The <c>agent_id</c> claim, if any.</param>
/// <param name="TeamIds">The <c>team_id</c> claim (a list), if any.</param>
public sealed record TestOidcUser(string Subject, IReadOnlyList<string> Roles, string? AgentId = null, IReadOnlyList<string>? TeamIds = null);
