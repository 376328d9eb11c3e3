namespace Realtime.Grains.Audit;

/// <summary>One access of the audit (who, when, what and why): a sign-in, an unmasked read, a quarter close, a read of the audit.</summary>
/// <param name="At">When (server clock).</param>
/// <param name="User">Who: the token's <c>sub</c>.</param>
/// <param name="Action">What kind of access (<see cref="AccessActions"/>).</param>
/// <param name="Resource">What was accessed (a complaint id, a quarter, a user); never personal data itself.</param>
/// <param name="Reason">Why, as the user stated it (unmasked reads); null otherwise.</param>
public sealed record AccessAuditEntry(DateTimeOffset At, string User, string Action, string Resource, string? Reason);
