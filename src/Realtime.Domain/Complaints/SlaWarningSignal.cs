namespace Realtime.Domain.Complaints;

/// <summary>A running clock passed a warning fraction of its target (goes to the owning agent).</summary>
/// <param name="Clock">Clock name.</param>
/// <param name="Fraction">The fraction passed, e.g. 0.75.</param>
/// <param name="At">The instant the fraction was reached.</param>
/// <param name="DueAt">The instant the clock will breach if it keeps running.</param>
/// <param name="Late">Detected later than the tolerance.</param>
public sealed record SlaWarningSignal(string Clock, double Fraction, DateTimeOffset At, DateTimeOffset DueAt, bool Late) : SlaSignal;
