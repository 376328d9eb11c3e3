namespace Realtime.Domain.Complaints;

/// <summary>A breach already signalled.</summary>
/// <param name="Clock">Clock name.</param>
/// <param name="Cycle">The clock's run (0, then +1 per restart on reopen).</param>
/// <param name="BreachedAt">The true due instant.</param>
/// <param name="DetectedAt">The <c>now</c> of the advance that signalled it.</param>
/// <param name="Late">Whether it was detected later than the tolerance.</param>
public sealed record BreachRecord(string Clock, int Cycle, DateTimeOffset BreachedAt, DateTimeOffset DetectedAt, bool Late);
