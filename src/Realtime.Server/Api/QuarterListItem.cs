namespace Realtime.Server.Api;

/// <summary>One quarter in <c>GET /api/quarters</c>: <c>open</c> (the current one), <c>closable</c> (over, with events, not closed) or <c>closed</c>.</summary>
public sealed record QuarterListItem(string Quarter, string Status, DateTimeOffset? ClosedAt, string? Hash);
