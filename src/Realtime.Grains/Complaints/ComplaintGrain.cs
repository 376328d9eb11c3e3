using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using Realtime.Domain.Policies;
using Realtime.Grains.BreachCauses;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Diagnostics;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using Realtime.Grains.Policies;
using Realtime.Grains.Teams;

namespace Realtime.Grains.Complaints;

/// <summary>
/// The complaint grain: thin by design. It holds the state, lets the domain <see cref="Complaint"/> decide, persists
/// through its write-behind storage (<see cref="CheckpointGrainStorage"/>), keeps exactly one deadline wake-up (its next warning, breach or escalation), and publishes.
/// </summary>
[GrainType("complaint")]
internal sealed class ComplaintGrain(
    PolicyCatalog policies,
    DeadlineScheduler deadlines,
    ILiveNotifier notifier,
    IStateCheckpointer checkpointer,
    [FromKeyedServices(CheckpointGrainStorage.ProviderName)] IGrainStorage storage,
    [FromKeyedServices(FloorClock.Key)] TimeProvider time,
    OpenComplaintDirectory directory,
    CompanyCalendar calendar,
    IOptions<GrainCollectionOptions> collection,
    ILogger<ComplaintGrain> log) : Grain, IComplaintGrain
{
    private const string StateName = "complaint";
    private GrainKey? _stateKey;

    /// <summary>Where this grain's state, deadline and board summary are filed (its Orleans grain type and key).</summary>
    private GrainKey StateKey => _stateKey ??= new("complaint", this.GetPrimaryKeyString());

    // The state as bytes between turns (see Load), read and written through the grain storage directly rather than an
    // IPersistentState: its bridge yields once per write and records a storage metric, which on the hottest grain cost
    // 15 % of the mixed stream's CPU per event (docs/benchmarks.md).
    private readonly GrainState<PreserializedState> _stored = new(new PreserializedState());
    // Whether an event reached this activation (someone is working on the complaint), as opposed to only its deadlines.
    private bool _worked;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => storage.ReadStateAsync(StateName, this.GetGrainId(), _stored);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        checkpointer.ReleaseAsync(StateKey);

    public async Task<ComplaintView?> ApplyAsync(IReadOnlyList<FloorEvent> events)
    {
        var (state, complaint) = Load();
        _worked = true;
        var changed = false;
        foreach (var e in events)
        {
            // A replay after restart re-delivers what the stored state may already hold.
            if (e.Sequence != 0 && e.Sequence <= state.AppliedSequence) continue;
            changed |= complaint.Apply(e);
            state.AppliedSequence = Math.Max(state.AppliedSequence, e.Sequence);
        }
        if (!changed) return Exists(complaint) ? complaint.View(time.GetUtcNow()) : null;
        return await AfterChangeAsync(state, complaint);
    }

    public Task<ComplaintView?> GetAsync()
    {
        var (_, complaint) = Load();
        return Task.FromResult(Exists(complaint) ? complaint.View(time.GetUtcNow()) : null);
    }

    public Task<CustomerContact?> GetCustomerContactAsync()
    {
        var (state, complaint) = Load();
        return Task.FromResult(Exists(complaint) ? new CustomerContact(state.Complaint.CustomerName, state.Complaint.CustomerPhone) : null);
    }

    public async Task<PolicyRecalculation?> RecalculateAsync(bool apply)
    {
        var (state, complaint) = Load();
        var target = policies.CurrentComplaints;
        var (before, after) = (PolicyVersion.Of(complaint.Policy), PolicyVersion.Of(target));
        if (!Exists(complaint) || !complaint.IsOpen || before == after) return null;
        var now = time.GetUtcNow();
        var replayed = complaint.ReplayUnder(target, now);
        var view = complaint.View(now);
        var result = new PolicyRecalculation("complaint", view.Id, null, view.TeamId, view.AgentId, before, after, ClockChange.Between(view.Clocks, replayed.View(now).Clocks));
        if (!apply) return result;
        state.Complaint = replayed.State;
        state.PolicyVersion = after;
        await AfterChangeAsync(state, replayed);
        return result;
    }

    public async Task ReceiveDeadlineAsync(DateTimeOffset dueAt)
    {
        var (state, complaint) = Load();
        if (!Exists(complaint)) return;
        // Deadlines may be delivered again (after a restart, or a wake-up queued before the turn that moved it): only a
        // turn that emits something changes anything.
        var next = complaint.NextDueAt();
        if (next is null || next > time.GetUtcNow())
        {
            deadlines.Set(StateKey, next);
            LeaveIfOnlyWaiting(next);
            return;
        }
        await AfterChangeAsync(state, complaint);
        LeaveIfOnlyWaiting(complaint.NextDueAt());
    }

    // Woken only by its deadlines and with the next one further off than the collector would keep it idle: leave as soon
    // as this turn's state is written instead of idling in memory until then. On a busy floor these idle breached
    // complaints were most of the live heap, and copying them was most of the collector's pauses (the alert tail). A late,
    // repeated wake-up that re-activated it leaves again too, instead of idling for the collection age.
    private void LeaveIfOnlyWaiting(DateTimeOffset? next)
    {
        if (!_worked && (next is null || next.Value - time.GetUtcNow() > CollectionAge)) DeactivateOnIdle();
    }

    // Idle complaints leave sooner than other grains (Actors:ClassSpecificCollectionAge:complaint, mapped onto Orleans' options).
    private TimeSpan CollectionAge => collection.Value.ClassSpecificCollectionAge.TryGetValue(typeof(ComplaintGrain).FullName!, out var age) ? age : collection.Value.CollectionAge;

    private static bool Exists(Complaint complaint) => complaint.State.Events.Count > 0;

    /// <summary>
    /// This turn's state and domain complaint, deserialized from the bytes kept between turns (the persistent state is
    /// a <see cref="PreserializedState"/>: activation reads only the bytes and deserializes nothing until a turn needs
    /// it). They are locals of the
    /// turn, not fields: a complaint is worked on in a few turns spread over hours, and between them its state's dozens
    /// of small objects survived every young collection, were copied into the old generation and were marked there by
    /// the background collector again and again (the collector was almost half the server's CPU during ingest). One
    /// array per complaint costs the collector next to nothing. A turn that fails also leaves nothing half-applied: the
    /// next one starts from the last staged bytes. A turn that changed nothing stages nothing, so its raised
    /// AppliedSequence is dropped with it; a replay of such an event changes nothing again.
    /// </summary>
    private (ComplaintGrainState State, Complaint Complaint) Load()
    {
        var state = _stored.RecordExists ? JsonSerializer.Deserialize<ComplaintGrainState>(_stored.State!.Data.Span, GrainJson.Options)! : new ComplaintGrainState { Complaint = new ComplaintState { Id = this.GetPrimaryKeyString() } };
        // A running complaint keeps the policy version it started under (a new one takes the configured version).
        var policy = policies.ComplaintsOf(state.PolicyVersion);
        state.PolicyVersion = PolicyVersion.Of(policy);
        return (state, new Complaint(state.Complaint, policy));
    }

    /// <summary>Emits whatever is due, publishes it and the new view, tells agents and team what happened, re-arms its deadline and marks the state for the next checkpoint.</summary>
    private async Task<ComplaintView?> AfterChangeAsync(ComplaintGrainState state, Complaint complaint)
    {
        var now = time.GetUtcNow();
        var signals = complaint.Advance(now);
        var view = complaint.View(now);
        var summary = OpenComplaintSummary.From(view);
        // The next deadline is armed before anything is announced: whoever reacts to a push (a test moving its clock on)
        // finds the complaint's next wake already set. Armed after the facts' await, it raced such a reaction, and a
        // scheduler that read the clock just before a jump of hours woke hours late.
        var next = complaint.NextDueAt();
        deadlines.Set(StateKey, next);
        // The directory first: a board that subscribed and then reloaded either lists this complaint or receives its push.
        directory.Update(view.Id, summary);
        // Alerts go out in this turn, not after the next checkpoint: reaching the screen at the deadline is the product.
        // Their record is staged below and written within the checkpoint interval; if the server dies before that, the
        // restart detects the same breach again (same due time, marked late) and records it once: pushed at least once,
        // recorded exactly once. Dashboards drop a repeated alert.
        foreach (var signal in signals) Publish(signal, view);
        notifier.Publish(new LiveMessage(LiveMethods.ComplaintChanged, view, LiveScopes.For(view.TeamId, view.AgentId), "complaint:" + view.Id));
        // Agents and team record the facts in their own turns before this state is staged, so a checkpoint never holds
        // "told" without the receivers' counts being staged first (they also drop a fact they already hold).
        await ComplaintFacts.TellAsync(GrainFactory, complaint, view, now, state.Facts);
        if (state.Complaint.Events.Exists(static e => e.Type == EventType.ComplaintBreachExplained))
            await BreachCauseReports.TellAsync(GrainFactory, "complaint:" + view.Id, complaint.Outcomes(now), complaint.Explanations, complaint.OwnerAt, calendar, state.CausesTold ??= new(StringComparer.Ordinal));
        _stored.State!.Data = JsonSerializer.SerializeToUtf8Bytes(state, GrainJson.Options);
        _stored.State!.Summary = summary is null ? null : JsonSerializer.SerializeToUtf8Bytes(summary, GrainJson.Options);
        await storage.WriteStateAsync(StateName, this.GetGrainId(), _stored);
        // The summary is filed with the state; the complaint need not hold it between turns.
        _stored.State!.Summary = null;
        return view;
    }

    private void Publish(SlaSignal signal, ComplaintView view)
    {
        var scopes = LiveScopes.For(view.TeamId, view.AgentId);
        var due = signal switch { SlaWarningSignal w => w.At, SlaBreachSignal b => b.DueAt, EscalationSignal x => x.At, _ => (DateTimeOffset?)null };
        if (due is { } dueAt) RealtimeMetrics.DeadlinePushLateness.Record((time.GetUtcNow() - dueAt).TotalMilliseconds);
        switch (signal)
        {
            case SlaWarningSignal w:
                notifier.Publish(new LiveMessage(LiveMethods.SlaWarning,
                    new SlaWarningPayload(view.Id, w.Clock, w.Fraction, w.DueAt, w.At, view.AgentId, view.TeamId, w.Late), scopes));
                break;
            case SlaBreachSignal b:
                if (b.Late) log.LogWarning("Complaint {Complaint}: {Clock} breach detected late ({Delay} after its due time {DueAt})", view.Id, b.Clock, b.DetectedAt - b.DueAt, b.DueAt);
                notifier.Publish(new LiveMessage(LiveMethods.SlaBreached,
                    new SlaBreachedPayload(view.Id, b.Clock, b.DueAt, b.BreachedAt, b.DetectedAt, b.Late, view.AgentId, view.TeamId), scopes));
                break;
            case EscalationSignal x:
                notifier.Publish(new LiveMessage(LiveMethods.Escalated,
                    new EscalatedPayload(view.Id, x.Level, EscalationRoles.WireName(x.Role), x.At, x.Late, view.AgentId, view.TeamId), scopes));
                break;
        }
    }
}
