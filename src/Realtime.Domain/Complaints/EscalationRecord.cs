namespace Realtime.Domain.Complaints;

/// <summary>An escalation level already signalled.</summary>
/// <param name="Level">1 team lead, 2 deputy director, 3 director.</param>
/// <param name="At">The instant the level was due.</param>
/// <param name="DetectedAt">The <c>now</c> of the advance that signalled it.</param>
/// <param name="Late">Whether it was detected later than the tolerance.</param>
public sealed record EscalationRecord(int Level, DateTimeOffset At, DateTimeOffset DetectedAt, bool Late);
