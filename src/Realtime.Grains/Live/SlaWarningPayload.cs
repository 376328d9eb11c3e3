namespace Realtime.Grains.Live;

/// <summary>Payload of <c>slaWarning</c>.</summary>
public sealed record SlaWarningPayload(string ComplaintId, string Clock, double Fraction, DateTimeOffset DueAt, DateTimeOffset WarnedAt, string? AgentId, string? TeamId, bool Late);

/// <summary>Payload of <c>slaBreached</c>: <see cref="BreachedAt"/> is the true due instant; <see cref="DetectedAt"/> when the server noticed (later only after downtime).</summary>
public sealed record SlaBreachedPayload(string ComplaintId, string Clock, DateTimeOffset DueAt, DateTimeOffset BreachedAt, DateTimeOffset DetectedAt, bool Late, string? AgentId, string? TeamId);

/// <summary>Payload of <c>escalated</c>.</summary>
public sealed record EscalatedPayload(string ComplaintId, int Level, string Role, DateTimeOffset At, bool Late, string? AgentId, string? TeamId);
