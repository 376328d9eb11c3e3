namespace Realtime.Grains.Live;

/// <summary>Payload of <c>escalated</c>.</summary>
public sealed record EscalatedPayload(string ComplaintId, int Level, string Role, DateTimeOffset At, bool Late, string? AgentId, string? TeamId);
