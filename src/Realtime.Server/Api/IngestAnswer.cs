namespace Realtime.Server.Api;

/// <summary>The <c>202</c> answer of <c>POST /api/events</c>.</summary>
/// <param name="Accepted">New events, stored and applied.</param>
/// <param name="Duplicates">Events whose id was already journaled (or repeated in the batch); not applied again.</param>
/// <param name="Conflicts">Duplicates whose payload differs from the stored event's: reported, not applied.</param>
public sealed record IngestAnswer(int Accepted, int Duplicates, IReadOnlyList<IngestConflict> Conflicts);
