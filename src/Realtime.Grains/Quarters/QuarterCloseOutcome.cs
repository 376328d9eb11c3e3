namespace Realtime.Grains.Quarters;

/// <summary>The outcome of a close: the stored snapshot, or the instant the quarter ends when it is not over yet.</summary>
/// <param name="Snapshot">The stored snapshot, or null when refused.</param>
/// <param name="EndsAt">When refused: the end of the quarter.</param>
public sealed record QuarterCloseOutcome(StoredQuarterSnapshot? Snapshot, DateTimeOffset EndsAt);
