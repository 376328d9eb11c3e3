namespace Realtime.Server.Api;

/// <summary>An event whose id was already used by a different event: it is a duplicate, but not a harmless one.</summary>
/// <param name="Index">The event's index in the batch.</param>
/// <param name="Id">The reused id.</param>
/// <param name="Message">What happened to it.</param>
public sealed record IngestConflict(int Index, string Id, string Message);
