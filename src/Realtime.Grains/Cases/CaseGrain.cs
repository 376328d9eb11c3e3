using Microsoft.Extensions.DependencyInjection;
using Realtime.Domain.Calendars;
using Realtime.Domain.Cases;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using Realtime.Domain.Policies;
using Realtime.Grains.BreachCauses;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using Realtime.Grains.Policies;

namespace Realtime.Grains.Cases;

/// <summary>
/// The case grain, thin like the complaint grain: it holds the state, lets the domain <see cref="Case"/> decide, keeps one
/// deadline wake-up (its next warning, breach or escalation level), tells its type's directory and its team's and the floor's KPIs, stages
/// its state through its write-behind storage (<see cref="CheckpointGrainStorage"/>) and publishes.
/// </summary>
[GrainType("case")]
internal sealed class CaseGrain(
    PolicyCatalog policies,
    DeadlineScheduler deadlines,
    ILiveNotifier notifier,
    IStateCheckpointer checkpointer,
    [PersistentState("case", CheckpointGrainStorage.ProviderName)] IPersistentState<CaseGrainState> persisted,
    CompanyCalendar calendar,
    [FromKeyedServices(FloorClock.Key)] TimeProvider time) : Grain, ICaseGrain
{
    private CaseGrainState _state = new();
    private Case? _case;
    private GrainKey StateKey => new("case", this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!persisted.RecordExists) persisted.State = new CaseGrainState { Case = new CaseState { Id = this.GetPrimaryKeyString() } };
        _state = persisted.State;
        // A running case keeps the policy version it started under (a new one takes the configured version).
        _case = new Case(_state.Case, policies.CasesOf(_state.PolicyVersion));
        _state.PolicyVersion = PolicyVersion.Of(_case.Policy);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => checkpointer.ReleaseAsync(StateKey);

    private Case Domain => _case!;

    private bool Exists => _state.Case.Events.Count > 0;

    public async Task<CaseView?> ApplyAsync(IReadOnlyList<FloorEvent> events)
    {
        var changed = false;
        foreach (var e in events)
        {
            // A replay after restart re-delivers what the stored state may already hold.
            if (e.Sequence != 0 && e.Sequence <= _state.AppliedSequence) continue;
            changed |= Domain.Apply(e);
            _state.AppliedSequence = Math.Max(_state.AppliedSequence, e.Sequence);
        }
        if (!changed) return Exists ? Domain.View(time.GetUtcNow()) : null;
        return await AfterChangeAsync();
    }

    public Task<CaseView?> GetAsync() => Task.FromResult(Exists ? Domain.View(time.GetUtcNow()) : null);

    public async Task<PolicyRecalculation?> RecalculateAsync(bool apply)
    {
        var target = policies.CurrentCases;
        var (before, after) = (PolicyVersion.Of(Domain.Policy), PolicyVersion.Of(target));
        if (!Exists || Domain.Status == CaseStatus.Closed || before == after) return null;
        var now = time.GetUtcNow();
        var replayed = Domain.ReplayUnder(target, now);
        var view = Domain.View(now);
        var result = new PolicyRecalculation("case", view.Id, view.CaseType, view.TeamId, view.AgentId, before, after, ClockChange.Between(view.Clocks, replayed.View(now).Clocks));
        if (!apply) return result;
        _state.Case = replayed.State;
        _state.PolicyVersion = after;
        _case = replayed;
        await AfterChangeAsync();
        return result;
    }

    public async Task ReceiveDeadlineAsync(DateTimeOffset dueAt)
    {
        if (!Exists) return;
        // Deadlines may be delivered again (after a restart, or one queued before the turn that moved it).
        var next = Domain.NextDueAt();
        if (next is null || next > time.GetUtcNow())
        {
            deadlines.Set(StateKey, next);
            return;
        }
        await AfterChangeAsync();
    }

    /// <summary>Emits what is due, re-arms the deadline, tells directory and KPIs, stages the state and publishes.</summary>
    private async Task<CaseView?> AfterChangeAsync()
    {
        var now = time.GetUtcNow();
        var signals = Domain.Advance(now);
        var view = Domain.View(now);
        var next = Domain.NextDueAt();
        // Armed before anything is announced, so whoever reacts to a push finds the next wake-up already set.
        deadlines.Set(StateKey, next);
        // The receivers record before this state is staged, so a checkpoint never holds "told" without what was told.
        await TellDirectoryAsync(view);
        await TellKpisAsync(view.TeamId, now);
        if (Domain.Explanations is { Count: > 0 } explanations)
            await BreachCauseReports.TellAsync(GrainFactory, "case:" + view.Id, Domain.Outcomes(now), explanations, Domain.OwnerAt, calendar, _state.CausesTold ??= new(StringComparer.Ordinal));
        await persisted.WriteStateAsync();
        var scopes = LiveScopes.For(view.TeamId, view.AgentId);
        foreach (var signal in signals)
        {
            switch (signal)
            {
                case SlaWarningSignal w:
                    notifier.Publish(new LiveMessage(CaseLiveMethods.CaseWarning,
                        new CaseWarningPayload(view.Id, view.CaseType, w.Clock, w.Fraction, w.DueAt, w.At, view.AgentId, view.TeamId, w.Late), scopes));
                    break;
                case SlaBreachSignal b:
                    notifier.Publish(new LiveMessage(CaseLiveMethods.CaseBreached,
                        new CaseBreachedPayload(view.Id, view.CaseType, b.Clock, b.DueAt, b.BreachedAt, b.DetectedAt, b.Late, view.AgentId, view.TeamId), scopes));
                    break;
                case EscalationSignal x:
                    notifier.Publish(new LiveMessage(CaseLiveMethods.CaseEscalated,
                        new CaseEscalatedPayload(view.Id, view.CaseType, x.Clock ?? "", x.Level, EscalationRoles.WireName(x.Role), x.At, x.Late, view.AgentId, view.TeamId), scopes));
                    break;
            }
        }
        notifier.Publish(new LiveMessage(CaseLiveMethods.CaseChanged, view, scopes, "case:" + view.Id));
        return view;
    }

    private async Task TellDirectoryAsync(CaseView view)
    {
        var summary = CaseSummary.From(view);
        var listIn = summary is null ? null : view.CaseType;
        if (_state.ListedIn is { } listed && listed != listIn)
            await GrainFactory.GetGrain<ICaseDirectoryGrain>(listed).UpdateAsync(view.Id, null);
        if (listIn is not null)
            await GrainFactory.GetGrain<ICaseDirectoryGrain>(listIn).UpdateAsync(view.Id, summary);
        _state.ListedIn = listIn;
    }

    /// <summary>Tells the team's and the floor's KPIs each clock that ended (met or breached) and was not told before.</summary>
    private async Task TellKpisAsync(string? teamId, DateTimeOffset now)
    {
        var ended = new List<CaseClockOutcome>();
        foreach (var outcome in Domain.Outcomes(now))
        {
            var met = outcome.State == ClockState.Met;
            if (!met && outcome.State != ClockState.Breached) continue;
            var told = outcome.Clock;
            if (_state.Told.Contains(told)) continue;
            var decidedAt = (met ? outcome.StoppedAt : outcome.BreachedAt) ?? now;
            ended.Add(new CaseClockOutcome($"{_state.Case.Id}/{outcome.Clock}", outcome.Clock, calendar.DateOf(decidedAt), met));
            _state.Told.Add(told);
        }
        if (ended.Count == 0) return;
        var calls = new List<Task> { GrainFactory.GetGrain<ICaseKpiGrain>(CaseKpiKeys.Floor).RecordAsync(ended) };
        if (teamId is not null) calls.Add(GrainFactory.GetGrain<ICaseKpiGrain>(CaseKpiKeys.Team(teamId)).RecordAsync(ended));
        await Task.WhenAll(calls);
    }
}
