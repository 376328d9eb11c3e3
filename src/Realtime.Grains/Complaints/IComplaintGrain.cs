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


/// <summary>What a complaint grain persists.</summary>
public sealed class ComplaintGrainState
{
    /// <summary>The domain state.</summary>
    public ComplaintState Complaint { get; set; } = new();

    /// <summary>Highest journal sequence applied, so a replay after restart skips what the stored state already holds.</summary>
    public long AppliedSequence { get; set; }

    /// <summary>What agent and team grains have been told about this complaint, so nothing is counted twice.</summary>
    public Teams.ComplaintFactsTold Facts { get; set; } = new();

    /// <summary>
    /// The explained breaches told to the floor's breach causes, so only a changed explanation is told again; null until
    /// a breach is explained (most complaints never are, and their stored state stays as small as before).
    /// </summary>
    public Dictionary<string, Domain.BreachCauses.BreachCause>? CausesTold { get; set; }

    /// <summary>The version of the complaint policy its clocks run under; null in state stored before versions (the configured one applies).</summary>
    public string? PolicyVersion { get; set; }
}
