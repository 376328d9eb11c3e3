namespace Realtime.Grains.Live;

/// <summary>Payload of <c>slaBreached</c>: <see cref="BreachedAt"/> is the true due instant; <see cref="DetectedAt"/> when the server noticed (later only after downtime).</summary>
public sealed record SlaBreachedPayload(string ComplaintId, string Clock, DateTimeOffset DueAt, DateTimeOffset BreachedAt, DateTimeOffset DetectedAt, bool Late, string? AgentId, string? TeamId);
