namespace Realtime.Domain.Cases;

/// <summary>An escalation level a case has signalled.</summary>
/// <param name="Clock">The clock whose breach reached the level first.</param>
/// <param name="Level">1 team lead, 2 deputy director, 3 director.</param>
/// <param name="At">The instant the level was reached.</param>
/// <param name="DetectedAt">The <c>now</c> at which it was signalled.</param>
/// <param name="Late">Detected later than the tolerance.</param>
public sealed record CaseEscalationRecord(string Clock, int Level, DateTimeOffset At, DateTimeOffset DetectedAt, bool Late);
