using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using Realtime.Grains.Deadlines;

namespace Realtime.Grains.Complaints;

/// <summary>
/// One complaint (投诉), keyed by its complaint id: applies its events through the domain, keeps its clocks, sets its
/// wake-up for exactly its next deadline (warning, breach or escalation) and publishes what happens.
/// </summary>
public interface IComplaintGrain : IDeadlineReceiver
{
    /// <summary>Applies this complaint's events (in arrival order); already applied ones are ignored. Returns the complaint as it now stands.</summary>
    Task<ComplaintView?> ApplyAsync(IReadOnlyList<FloorEvent> events);

    /// <summary>The complaint as it stands now; null when no event of it was ever received.</summary>
    Task<ComplaintView?> GetAsync();

    /// <summary>
    /// Replays this complaint under the configured policy when it is open and runs under another version: the clocks that
    /// read differently, and with <paramref name="apply"/> it adopts the version, signals what is now due and pushes its
    /// new state. Null when there is nothing to recalculate.
    /// </summary>
    Task<Policies.PolicyRecalculation?> RecalculateAsync(bool apply);

    /// <summary>The customer's unmasked name and phone, for an authorised and audited read; null when no event was received.</summary>
    Task<CustomerContact?> GetCustomerContactAsync();
}
