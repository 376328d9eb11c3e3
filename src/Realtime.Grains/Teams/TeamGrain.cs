using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Teams;

/// <summary>
/// The team grain: <see cref="TeamActivity"/> decides, this grain persists through its write-behind storage
/// (<see cref="CheckpointGrainStorage"/>), registers the team
/// with the floor once, pushes today's KPIs when they change, and wakes at local midnight so "today" rolls over.
/// Its open, paused and breached counts are the complaints' own (<see cref="Complaints.OpenComplaintDirectory"/>): a
/// fact about them only makes this grain push its KPIs again.
/// </summary>
[GrainType("team")]
internal sealed class TeamGrain(
    KpiTargets targets,
    CompanyCalendar calendar,
    DeadlineScheduler deadlines,
    ILiveNotifier notifier,
    IStateCheckpointer checkpointer,
    [PersistentState("team", CheckpointGrainStorage.ProviderName)] IPersistentState<TeamGrainState> persisted,
    [FromKeyedServices(FloorClock.Key)] TimeProvider time,
    Complaints.OpenComplaintDirectory openComplaints,
    IOptions<CheckpointOptions> checkpointOptions) : Grain, ITeamGrain
{
    private GrainKey? _stateKey;

    /// <summary>Where this grain's state, deadline and board summary are filed (its Orleans grain type and key).</summary>
    private GrainKey StateKey => _stateKey ??= new("team", this.GetPrimaryKeyString());

    private DeferredStaging? _deferredStaging;

    private DeferredStaging Deferred =>
        _deferredStaging ??= new(checkpointOptions.Value.DeferredStageDelay, (callback, options) => this.RegisterGrainTimer(callback, options), checkpointer, StateKey, PublishAsync, AfterChangeAsync, time);

    /// <summary>Complaint facts remembered for duplicate detection (8 bytes each).</summary>
    public const int RecentFactCapacity = 512;

    /// <summary>The window <c>kpiChanged</c> carries.</summary>
    public const ScorecardWindow PushedWindow = ScorecardWindow.Today;

    private TeamGrainState _state = null!;
    private KpisResource? _published;

    private TeamActivity Activity => _state.Activity ??= new TeamActivity(this.GetPrimaryKeyString(), calendar);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _state = persisted.State;
        if (_state.Activity is null) return;
        var now = time.GetUtcNow();
        if (_state.Activity.Prune(now)) await StageAsync(now);
        // _published stays unknown: the open, paused and breached counts are the complaints' (the directory), which move
        // while this grain is out of memory. Taking today's values as "already pushed" swallowed the push of the very
        // breach that re-activated an idle team: its board kept showing no breach.
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_deferredStaging is { Pending: true }) await AfterChangeAsync();
        await checkpointer.ReleaseAsync(StateKey);
    }

    public async Task ApplyAsync(IReadOnlyList<FloorEvent> events)
    {
        var changed = false;
        foreach (var e in events)
        {
            if (e.Sequence != 0 && e.Sequence <= _state.AppliedSequence) continue;
            _state.AppliedSequence = Math.Max(_state.AppliedSequence, e.Sequence);
            if (e.AgentId is { } agent) changed |= _state.Agents.Add(agent);
            changed |= e.Type switch
            {
                EventType.ServiceHandled => Activity.ServiceHandled(e.OccurredAt, e.FirstContactResolved == true),
                EventType.SurveySubmitted when e.Score is { } score => Activity.SurveySubmitted(score, e.OccurredAt),
                EventType.FollowupCompleted when e.CustomerId is { } customer && e.VisitedAt is { } visited => Activity.FollowupCompleted(customer, visited, e.OccurredAt),
                _ => false,
            };
        }
        if (!changed) return;
        await RegisterWithFloorAsync();
        // Journal events can wait for one recompute and push, and their stage for the next checkpoint (they are replayed
        // if the server dies first).
        if (!Deferred.Defer(events[0].Sequence)) await AfterChangeAsync();
    }

    public async Task RecordComplaintFactsAsync(IReadOnlyList<TeamComplaintFact> facts)
    {
        var changed = false;
        foreach (var f in facts)
        {
            if (!_state.RecentFacts.TryAdd(f.Key, RecentFactCapacity)) continue;
            changed = true;
            if (f.AgentId is { } agent) _state.Agents.Add(agent);
            var activity = Activity;
            _ = f.Kind switch
            {
                TeamComplaintFactKind.Opened => activity.ComplaintOpened(f.Category, f.CustomerId, f.At),
                TeamComplaintFactKind.Breached => activity.ComplaintBreached(f.At),
                TeamComplaintFactKind.Resolved => activity.ComplaintResolved(f.At, f.Within48h, f.Within7d),
                TeamComplaintFactKind.FirstResponse => activity.FirstResponse(f.ResponseTime, f.At),
                // Paused, resumed, reopened, transferred: only the open counts move, and they are the complaint's.
                _ => false,
            };
        }
        if (!changed) return;
        await RegisterWithFloorAsync();
        // Facts too: the checkpoint that would write a complaint's "told" record asks this grain to stage first.
        if (!Deferred.DeferFacts()) await AfterChangeAsync();
    }

    public Task<TeamKpis?> GetKpisAsync(ScorecardWindow window) =>
        Task.FromResult(_state.Activity is null ? null : TeamKpis.Compute(_state.Activity, window, time.GetUtcNow(), targets, openComplaints.CountsOf(this.GetPrimaryKeyString())));

    public Task<IReadOnlyList<string>> GetAgentIdsAsync() => Task.FromResult<IReadOnlyList<string>>(SortedAgents());

    public Task<TeamSnapshot?> GetSnapshotAsync()
    {
        if (_state.Activity is null) return Task.FromResult<TeamSnapshot?>(null);
        // A snapshot: the floor merges it outside this grain's turns.
        return Task.FromResult<TeamSnapshot?>(new TeamSnapshot(this.GetPrimaryKeyString(), _state.Activity.Snapshot(), SortedAgents()));
    }

    public async Task ReceiveDeadlineAsync(DateTimeOffset dueAt)
    {
        if (_state.Activity is null) return;
        var now = time.GetUtcNow();
        _state.Activity.Prune(now);
        Publish(now);
        await StageAsync(now);
    }

    // The agents are kept in a hash set (a sorted set's string comparisons along ~8 nodes per event were a few percent
    // of a busy floor's CPU); the rare answers sort.
    private string[] SortedAgents() => [.. _state.Agents.Order(StringComparer.Ordinal)];

    private async Task AfterChangeAsync()
    {
        await PublishAsync();
        await StageAsync(time.GetUtcNow());
    }

    private async Task PublishAsync()
    {
        await RegisterWithFloorAsync();
        Publish(time.GetUtcNow());
    }

    // In the turn that applied the team's first event, not at its deferred push: a 202 means applied, and a quarter
    // closed right after it takes its teams from the floor (a deferred registration froze a snapshot without the team).
    private async Task RegisterWithFloorAsync()
    {
        if (_state.RegisteredWithFloor) return;
        await GrainFactory.GetGrain<IFloorGrain>(IFloorGrain.Key).RegisterTeamAsync(this.GetPrimaryKeyString());
        _state.RegisteredWithFloor = true;
    }

    private void Publish(DateTimeOffset now)
    {
        var kpis = Kpis(now);
        if (kpis.SameValues(_published)) return;
        _published = kpis;
        notifier.Publish(new LiveMessage(LiveMethods.KpiChanged, kpis, [LiveScopes.Floor, LiveScopes.Team(this.GetPrimaryKeyString())], "kpi:" + this.GetPrimaryKeyString()));
    }

    private KpisResource Kpis(DateTimeOffset now) => KpisResource.Of(TeamKpis.Compute(Activity, PushedWindow, now, targets, openComplaints.CountsOf(this.GetPrimaryKeyString())));

    private async Task StageAsync(DateTimeOffset now)
    {
        // Teams are few: wake every local midnight so "today" rolls over on dashboards and old buckets are pruned.
        var next = Activity.Calendar.StartOfDay(Activity.Calendar.DateOf(now).AddDays(1));
        deadlines.Set(StateKey, next);
        await persisted.WriteStateAsync();
        _deferredStaging?.Done();
    }
}
