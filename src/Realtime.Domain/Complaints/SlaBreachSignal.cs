namespace Realtime.Domain.Complaints;

/// <summary>A clock's running time reached its target (goes to the supervisor).</summary>
/// <param name="Clock">Clock name.</param>
/// <param name="DueAt">The due instant.</param>
/// <param name="BreachedAt">The true breach instant; equal to <paramref name="DueAt"/>.</param>
/// <param name="DetectedAt">The <c>now</c> at which it was detected.</param>
/// <param name="Late">Detected later than the tolerance.</param>
public sealed record SlaBreachSignal(string Clock, DateTimeOffset DueAt, DateTimeOffset BreachedAt, DateTimeOffset DetectedAt, bool Late) : SlaSignal;
