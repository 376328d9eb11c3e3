using Realtime.Domain.Events;

namespace Realtime.Storage.Postgres.Tests;

/// <summary>Events for the journal tests; ids carry a per-test prefix so tests sharing a database never collide.</summary>
internal static class FloorEvents
{
    public static readonly DateTimeOffset Monday9 = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static string NewPrefix() => Guid.NewGuid().ToString("N")[..8] + "-";

    public static FloorEvent Opened(string id, DateTimeOffset? at = null, string complaintId = "C-1") => new()
    {
        Id = id,
        Type = EventType.ComplaintOpened,
        OccurredAt = at ?? Monday9,
        ComplaintId = complaintId,
        TeamId = "claims-1",
        AgentId = "a-17",
    };

    public static FloorEvent Praise(string id, DateTimeOffset? at = null) => new()
    {
        Id = id,
        Type = EventType.PraiseReceived,
        OccurredAt = at ?? Monday9,
        AgentId = "a-17",
    };

    public static List<FloorEvent> Many(string prefix, int count, DateTimeOffset? start = null)
        => [.. Enumerable.Range(0, count).Select(i => Praise($"{prefix}{i}", (start ?? Monday9).AddSeconds(i)))];
}
