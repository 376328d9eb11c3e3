namespace Realtime.Grains.Deadlines;

/// <summary>A pending deadline a stopping silo hands to a survivor.</summary>
/// <param name="Grain">The grain to wake.</param>
/// <param name="DueAt">When.</param>
public sealed record HandedOverDeadline(GrainKey Grain, DateTimeOffset DueAt);
