using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Agents;

/// <summary>
/// The agent grain: the domain (<see cref="AgentActivity"/>, <see cref="AgentScorecard"/>) decides, this grain persists
/// through its write-behind storage (<see cref="CheckpointGrainStorage"/>), pushes a window's score only when it changed, and wakes at local midnight (and at quarter
/// end) while a window still holds activity, so rolling windows move on without new events.
/// </summary>
[GrainType("agent")]
internal sealed class AgentGrain(
    Rubric rubric,
    CompanyCalendar calendar,
    DeadlineScheduler deadlines,
    ILiveNotifier notifier,
    IStateCheckpointer checkpointer,
    [PersistentState("agent", CheckpointGrainStorage.ProviderName)] IPersistentState<AgentGrainState> persisted,
    [FromKeyedServices(FloorClock.Key)] TimeProvider time,
    IOptions<CheckpointOptions> checkpointOptions) : Grain, IAgentGrain
{
    private GrainKey? _stateKey;

    /// <summary>Where this grain's state, deadline and board summary are filed (its Orleans grain type and key).</summary>
    private GrainKey StateKey => _stateKey ??= new("agent", this.GetPrimaryKeyString());

    private DeferredStaging? _deferredStaging;

    private DeferredStaging Deferred =>
        _deferredStaging ??= new(checkpointOptions.Value.DeferredStageDelay, (callback, options) => this.RegisterGrainTimer(callback, options), checkpointer, StateKey, PublishAsync, AfterChangeAsync, time);

    /// <summary>Complaint facts remembered for duplicate detection (8 bytes each).</summary>
    public const int RecentFactCapacity = 64;

    private static readonly Task<AgentApplyResult> NothingForTeam = Task.FromResult(AgentApplyResult.None);
    // Per window, in ScorecardWindows.All order: the values last pushed, and the push's coalescing key (made once: a
    // push went out per window every few hundred milliseconds, each with a new string).
    private readonly double?[]?[] _published = new double?[ScorecardWindows.All.Count][];
    private string[]? _coalesceKeys;
    private Task<AgentApplyResult>? _nothingForTeam;
    private AgentGrainState _state = null!;

    private AgentActivity Activity => _state.Activity ??= new AgentActivity(this.GetPrimaryKeyString(), calendar);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _state = persisted.State;
        if (_state.Activity is null) return;
        var now = time.GetUtcNow();
        if (_state.Activity.Prune(now)) await StageAsync(now);
        // What dashboards last received is unknown after activation; start from the current values so only changes are pushed.
        for (var w = 0; w < ScorecardWindows.All.Count; w++) RecordIfChanged(w, Compute(ScorecardWindows.All[w], now));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_deferredStaging is { Pending: true }) await AfterChangeAsync();
        await checkpointer.ReleaseAsync(StateKey);
    }

    public Task<AgentApplyResult> ApplyAsync(IReadOnlyList<FloorEvent> events)
    {
        var changed = false;
        List<FloorEvent>? forTeam = null;
        foreach (var e in events)
        {
            if (e.Type is EventType.SurveySubmitted or EventType.FollowupCompleted) (forTeam ??= []).Add(e);
            if (e.Sequence != 0 && e.Sequence <= _state.AppliedSequence) continue;
            _state.AppliedSequence = Math.Max(_state.AppliedSequence, e.Sequence);
            if (e.Type == EventType.ServiceHandled && e.TeamId is { } team && team != _state.TeamId)
            {
                _state.TeamId = team;
                changed = true;
            }
            if (Activity.Record(e))
            {
                changed = true;
                Touch(e.OccurredAt);
            }
        }
        // Journal events can wait for one recompute and push, and their stage for the next checkpoint (they are replayed
        // if the server dies first).
        var staging = changed && !Deferred.Defer(events[0].Sequence) ? AfterChangeAsync() : PushIfDueAsync();
        var result = ResultFor(forTeam);
        // Most turns stage nothing (deferred) and finish here without an await.
        return staging.IsCompletedSuccessfully ? result : ThenAsync(staging, result);
    }

    private Task<AgentApplyResult> ResultFor(List<FloorEvent>? forTeam)
    {
        if (forTeam is not null) return Task.FromResult(new AgentApplyResult(_state.TeamId, forTeam));
        // Most batches carry nothing for the team: answer with the same completed task while the team stays the same.
        if (_nothingForTeam is null || _nothingForTeam.Result.TeamId != _state.TeamId)
        {
            _nothingForTeam = _state.TeamId is null ? NothingForTeam : Task.FromResult(new AgentApplyResult(_state.TeamId, []));
        }
        return _nothingForTeam;
    }

    private static async Task<AgentApplyResult> ThenAsync(Task staging, Task<AgentApplyResult> result)
    {
        await staging;
        return await result;
    }

    public Task RecordComplaintFactsAsync(IReadOnlyList<AgentComplaintFact> facts)
    {
        var changed = false;
        foreach (var fact in facts)
        {
            if (!_state.RecentFacts.TryAdd(fact.Key, RecentFactCapacity)) continue;
            if (fact.TeamId is { } team && team != _state.TeamId)
            {
                _state.TeamId = team;
                changed = true;
            }
            var recorded = fact.Kind == AgentComplaintFactKind.ComplaintAbout
                ? Activity.RecordComplaintAbout(fact.At)
                : Activity.RecordFirstResponse(fact.At, fact.ResponseTime);
            if (recorded) Touch(fact.At);
            changed = true;
        }
        // Facts too: the checkpoint that would write a complaint's "told" record asks this grain to stage first.
        return changed && !Deferred.DeferFacts() ? AfterChangeAsync() : PushIfDueAsync();
    }

    public Task<ScorecardResource?> GetScorecardAsync(ScorecardWindow window)
    {
        if (_state.Activity is null) return Task.FromResult<ScorecardResource?>(null);
        var now = time.GetUtcNow();
        return Task.FromResult<ScorecardResource?>(ScorecardResource.Of(Compute(window, now), this.GetPrimaryKeyString(), _state.TeamId, rubric, now));
    }

    public async Task ReceiveDeadlineAsync(DateTimeOffset dueAt)
    {
        if (_state.Activity is null) return;
        var now = time.GetUtcNow();
        _state.Activity.Prune(now);
        PublishChanges(now);
        await StageAsync(now);
    }

    private void Touch(DateTimeOffset at)
    {
        var date = Activity.Calendar.DateOf(at);
        if (_state.LastActiveOn is not { } last || date > last) _state.LastActiveOn = date;
    }

    /// <summary>Pushes (or flushes, when a checkpoint asked) in this turn what would otherwise wait for the timer's turn.</summary>
    private Task PushIfDueAsync()
    {
        if (_deferredStaging is not { } deferred) return Task.CompletedTask;
        if (deferred.StageRequested) return AfterChangeAsync();
        if (deferred.PublishDue)
        {
            PublishChanges(time.GetUtcNow());
            deferred.Published();
        }
        return Task.CompletedTask;
    }

    private Task PublishAsync()
    {
        PublishChanges(time.GetUtcNow());
        return Task.CompletedTask;
    }

    private Task AfterChangeAsync()
    {
        var now = time.GetUtcNow();
        PublishChanges(now);
        return StageAsync(now);
    }

    private async Task StageAsync(DateTimeOffset now)
    {
        var next = NextRollover(now);
        deadlines.Set(StateKey, next);
        await persisted.WriteStateAsync();
        _deferredStaging?.Done();
    }

    /// <summary>Pushes each window whose values differ from the last push (coalesced per agent and window by the notifier).</summary>
    private void PublishChanges(DateTimeOffset now)
    {
        IReadOnlyList<string>? scopes = null;
        var windows = ScorecardWindows.All;
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            var scorecard = Compute(window, now);
            if (!RecordIfChanged(w, scorecard)) continue;
            scopes ??= LiveScopes.For(_state.TeamId, this.GetPrimaryKeyString());
            _coalesceKeys ??= windows.Select(x => $"score:{this.GetPrimaryKeyString()}:{x.ToWireName()}").ToArray();
            notifier.Publish(new LiveMessage(LiveMethods.ScoreChanged, ScorecardResource.Of(scorecard, this.GetPrimaryKeyString(), _state.TeamId, rubric, now), scopes, _coalesceKeys[w]));
        }
    }

    private Scorecard Compute(ScorecardWindow window, DateTimeOffset now) =>
        AgentScorecard.Compute(Activity, window, now, rubric, Activity.Calendar);

    /// <summary>
    /// Whether <paramref name="scorecard"/> shows something the last push of its window (by position) did not: the total, an indicator
    /// value or the window's first day (bands and points follow from values). If so, remembers it as pushed. The
    /// remembered values are overwritten in place: a new array per push outlived the young generation (it is kept until
    /// the next flush) and was a good part of what the collector had to promote.
    /// </summary>
    private bool RecordIfChanged(int window, Scorecard scorecard)
    {
        ref var published = ref _published[window];
        var length = scorecard.Indicators.Count + 2;
        var changed = published is null || published.Length != length;
        if (changed) published = new double?[length];
        changed |= Update(ref published![0], scorecard.Total);
        changed |= Update(ref published[1], scorecard.From.DayNumber);
        for (var i = 0; i < scorecard.Indicators.Count; i++) changed |= Update(ref published[i + 2], scorecard.Indicators[i].Value);
        return changed;

        static bool Update(ref double? slot, double? value)
        {
            if (Nullable.Equals(slot, value)) return false;
            slot = value;
            return true;
        }
    }

    /// <summary>
    /// The next instant a window changes without events: the next local midnight while the last 7 days hold activity
    /// (today and 7d move), else the end of the quarter while it holds activity or ratings (qtd and the ratings' quarter move), else never.
    /// </summary>
    private DateTimeOffset? NextRollover(DateTimeOffset now)
    {
        var zone = Activity.Calendar;
        var today = zone.DateOf(now);
        if (_state.LastActiveOn is { } last && last >= today.AddDays(-6)) return zone.StartOfDay(today.AddDays(1));
        var quarter = Quarter.Of(today);
        var active = _state.LastActiveOn is { } l && Quarter.Of(l) == quarter;
        return active || Activity.HasRatings(quarter) ? zone.EndOf(quarter) : null;
    }
}
