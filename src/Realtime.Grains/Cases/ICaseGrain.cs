using Realtime.Domain.Cases;
using Realtime.Domain.Events;
using Realtime.Grains.Deadlines;

namespace Realtime.Grains.Cases;

/// <summary>
/// One generic case (a claim, a follow-up …), keyed by its case id: applies its <c>case.*</c> events through the domain,
/// keeps the clocks its type has, wakes at exactly its next warning or breach and publishes what happens.
/// </summary>
public interface ICaseGrain : IDeadlineReceiver
{
    /// <summary>Applies this case's events (in arrival order); already applied ones are ignored. Returns the case as it now stands.</summary>
    Task<CaseView?> ApplyAsync(IReadOnlyList<FloorEvent> events);

    /// <summary>The case as it stands now; null when no event of it was ever received.</summary>
    Task<CaseView?> GetAsync();

    /// <summary>As <see cref="Complaints.IComplaintGrain.RecalculateAsync"/>, for a case that is not closed.</summary>
    Task<Policies.PolicyRecalculation?> RecalculateAsync(bool apply);
}
