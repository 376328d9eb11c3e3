namespace Realtime.Grains.Live;

/// <summary>Payload of <c>slaWarning</c>.</summary>
public sealed record SlaWarningPayload(string ComplaintId, string Clock, double Fraction, DateTimeOffset DueAt, DateTimeOffset WarnedAt, string? AgentId, string? TeamId, bool Late);
