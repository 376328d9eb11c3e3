using System.Text.Json;
using Microsoft.Extensions.Options;
using Realtime.Actors;
using Realtime.Actors.Reminders;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Agents;

/// <summary>
/// The agent grain: the domain (<see cref="AgentActivity"/>, <see cref="AgentScorecard"/>) decides, this grain persists
/// through the checkpointer, pushes a window's score only when it changed, and wakes at local midnight (and at quarter
/// end) while a window still holds activity, so rolling windows move on without new events.
/// </summary>
internal sealed class AgentGrain(
    Rubric rubric,
    CompanyCalendar calendar,
    ReminderService reminders,
    ILiveNotifier notifier,
    IStateCheckpointer checkpointer,
    IOptions<CheckpointOptions> checkpointOptions) : Grain, IAgentGrain
{
    private readonly DeferredStaging _deferred = new(checkpointOptions.Value.DeferredStageDelay);
    /// <summary>Complaint facts remembered for duplicate detection (8 bytes each).</summary>
    public const int RecentFactCapacity = 64;

    private readonly Dictionary<ScorecardWindow, double?[]> _published = [];
    private AgentGrainState _state = null!;

    private AgentActivity Activity => _state.Activity ??= new AgentActivity(Key, calendar);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await checkpointer.LoadAsync(GrainId, cancellationToken);
        _state = stored is { } bytes ? JsonSerializer.Deserialize<AgentGrainState>(bytes.Span, GrainJson.Options)! : new AgentGrainState();
        if (_state.Activity is null) return;
        var now = Time.GetUtcNow();
        if (_state.Activity.Prune(now)) Stage(now);
        // What dashboards last received is unknown after activation; start from the current values so only changes are pushed.
        foreach (var window in ScorecardWindows.All) _published[window] = Signature(Compute(window, now));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_deferred.Pending) AfterChange();
        return checkpointer.ReleaseAsync(GrainId);
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
        // Journal events can wait for one recompute and stage (they are replayed if the server dies first).
        if (changed && !_deferred.Defer(RegisterGrainTimer, checkpointer, GrainId, events[0].Sequence, FlushAsync)) AfterChange();
        return Task.FromResult(forTeam is null && _state.TeamId is null ? AgentApplyResult.None : new AgentApplyResult(_state.TeamId, forTeam ?? []));
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
        if (changed && !_deferred.DeferFacts(RegisterGrainTimer, checkpointer, GrainId, FlushAsync)) AfterChange();
        return Task.CompletedTask;
    }

    public Task<ScorecardResource?> GetScorecardAsync(ScorecardWindow window)
    {
        if (_state.Activity is null) return Task.FromResult<ScorecardResource?>(null);
        var now = Time.GetUtcNow();
        return Task.FromResult<ScorecardResource?>(ScorecardResource.Of(Compute(window, now), Key, _state.TeamId, rubric, now));
    }

    public Task ReceiveReminderAsync(DateTimeOffset dueAt)
    {
        if (_state.Activity is null) return Task.CompletedTask;
        var now = Time.GetUtcNow();
        _state.Activity.Prune(now);
        PublishChanges(now);
        Stage(now);
        return Task.CompletedTask;
    }

    private void Touch(DateTimeOffset at)
    {
        var date = Activity.Calendar.DateOf(at);
        if (_state.LastActiveOn is not { } last || date > last) _state.LastActiveOn = date;
    }

    private Task FlushAsync()
    {
        AfterChange();
        return Task.CompletedTask;
    }

    private void AfterChange()
    {
        var now = Time.GetUtcNow();
        PublishChanges(now);
        Stage(now);
    }

    private void Stage(DateTimeOffset now)
    {
        var next = NextRollover(now);
        reminders.Set(GrainId, next);
        checkpointer.Stage(GrainId, JsonSerializer.SerializeToUtf8Bytes(_state, GrainJson.Options), next);
        _deferred.Done();
    }

    /// <summary>Pushes each window whose values differ from the last push (coalesced per agent and window by the notifier).</summary>
    private void PublishChanges(DateTimeOffset now)
    {
        IReadOnlyList<string>? scopes = null;
        foreach (var window in ScorecardWindows.All)
        {
            var scorecard = Compute(window, now);
            var signature = Signature(scorecard);
            if (_published.TryGetValue(window, out var last) && last.AsSpan().SequenceEqual(signature)) continue;
            _published[window] = signature;
            scopes ??= LiveScopes.For(_state.TeamId, Key);
            notifier.Publish(new LiveMessage(LiveMethods.ScoreChanged, ScorecardResource.Of(scorecard, Key, _state.TeamId, rubric, now), scopes,
                $"score:{Key}:{window.ToWireName()}"));
        }
    }

    private Scorecard Compute(ScorecardWindow window, DateTimeOffset now) =>
        AgentScorecard.Compute(Activity, window, now, rubric, Activity.Calendar);

    /// <summary>What a push shows: the total, every indicator value and the window's first day (bands and points follow from values).</summary>
    private static double?[] Signature(Scorecard scorecard)
    {
        var signature = new double?[scorecard.Indicators.Count + 2];
        signature[0] = scorecard.Total;
        signature[1] = scorecard.From.DayNumber;
        for (var i = 0; i < scorecard.Indicators.Count; i++) signature[i + 2] = scorecard.Indicators[i].Value;
        return signature;
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
