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

    /// <summary>An event with every optional field set, its instants in two different offsets and with sub-microsecond ticks.</summary>
    public static FloorEvent EveryField(string id) => new()
    {
        Id = id,
        Type = EventType.ComplaintOpened,
        OccurredAt = Monday9.AddMinutes(15).AddTicks(1234567),
        ComplaintId = "C-2026-0001",
        TeamId = "claims-1",
        AgentId = "a-17",
        AboutAgentId = "a-3",
        Category = "理赔",
        Severity = Severity.High,
        Channel = "12378",
        CustomerId = "cust-9",
        CustomerName = "张三",
        CustomerPhone = "13812341234",
        Reason = "waiting on customer",
        Level = 2,
        FirstContact = true,
        ContactId = "ct-1",
        FirstContactResolved = false,
        ResponseSeconds = 95.5,
        Score = 87.25,
        VisitedAt = new DateTimeOffset(2026, 11, 1, 20, 0, 0, TimeSpan.FromHours(-5)),
        Indicator = "knowledgeTest",
        Value = 91,
        Period = "2026Q4",
        Rater = Rater.Self,
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
