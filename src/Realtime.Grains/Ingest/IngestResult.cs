namespace Realtime.Grains.Ingest;

/// <summary>The answer to an ingest request: how many events were new and how many were already known.</summary>
/// <param name="Accepted">Events journaled and applied by this request.</param>
/// <param name="Duplicates">Events whose id the journal already held.</param>
/// <param name="JournalProblem">Why the journal could not store the batch (nothing of it was acknowledged); null when it did.</param>
/// <param name="ApplyProblem">Why the stored batch could not be applied (not acknowledged; replayed at the next start); null when it was.</param>
public sealed record IngestResult(int Accepted, int Duplicates, string? JournalProblem = null, string? ApplyProblem = null)
{
    /// <summary>Events of the batch whose id was already used by a different event (not applied; see <see cref="Persistence.JournalAppendResult.Conflicts"/>).</summary>
    public IReadOnlyList<Realtime.Domain.Events.FloorEvent> Conflicts { get; init; } = [];
}
