using Realtime.Domain.Calendars;

namespace Realtime.Grains.Quarters;

/// <summary>A closed quarter as stored: the canonical snapshot bytes, their hash, when it was closed and the journal prefix it used.</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="Content">The canonical snapshot bytes (UTF-8 JSON), exactly as hashed.</param>
/// <param name="Hash">Lowercase hex SHA-256 of <paramref name="Content"/>.</param>
/// <param name="ClosedAt">When it was closed (server clock, whole milliseconds).</param>
/// <param name="ThroughSequence">The highest journal sequence the close could see; later events are late.</param>
public sealed record StoredQuarterSnapshot(Quarter Quarter, byte[] Content, string Hash, DateTimeOffset ClosedAt, long ThroughSequence);
