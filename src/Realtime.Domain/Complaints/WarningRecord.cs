namespace Realtime.Domain.Complaints;

/// <summary>A warning already signalled.</summary>
/// <param name="Clock">Clock name.</param>
/// <param name="Cycle">The clock's run (0, then +1 per restart on reopen).</param>
/// <param name="Fraction">The highest fraction signalled; lower fractions count as done.</param>
/// <param name="At">The instant the fraction was reached.</param>
/// <param name="DetectedAt">The <c>now</c> of the advance that signalled it.</param>
/// <param name="Late">Whether it was detected later than the tolerance.</param>
public sealed record WarningRecord(string Clock, int Cycle, double Fraction, DateTimeOffset At, DateTimeOffset DetectedAt, bool Late);
