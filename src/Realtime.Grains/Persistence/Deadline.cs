namespace Realtime.Grains.Persistence;

/// <summary>
/// A grain's entry in the deadline index: the instant it must be woken (next warning, breach or escalation) and,
/// for grains that boards list (open complaints), a small serialized summary. An entry with neither is removed.
/// </summary>
/// <param name="Grain">The grain to wake.</param>
/// <param name="DueAt">When (null: no deadline pending).</param>
/// <param name="Summary">What boards list of it (open complaints), serialized.</param>
/// <param name="Holder">The silo whose scheduler holds it (Orleans' silo address), null when not known.</param>
public readonly record struct Deadline(GrainKey Grain, DateTimeOffset? DueAt, byte[]? Summary = null, string? Holder = null)
{
    /// <summary>Whether the entry is to be removed from the index.</summary>
    public bool IsEmpty => DueAt is null && Summary is null;
}
