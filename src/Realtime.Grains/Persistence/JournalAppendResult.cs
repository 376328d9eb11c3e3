using Realtime.Domain.Events;

namespace Realtime.Grains.Persistence;

/// <summary>The outcome of appending a batch: the events that were new, with their arrival sequence, and how many were duplicates.</summary>
/// <param name="Accepted">Events stored by this call, in batch order, each with <see cref="FloorEvent.Sequence"/> set.</param>
/// <param name="Duplicates">Events whose id was already journaled (ever), or repeated within the batch.</param>
public sealed record JournalAppendResult(IReadOnlyList<FloorEvent> Accepted, int Duplicates)
{
    /// <summary>The duplicates of the batch (the instances passed in) that differ from the event journaled, or first in the batch, under their id.</summary>
    public IReadOnlyList<FloorEvent> Conflicts { get; init; } = [];
}
