using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Realtime.Domain.Calendars;
using Realtime.Domain.Cases;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using Realtime.Grains.Teams;

namespace Realtime.Grains.Cases;

/// <summary>
/// A team's or the floor's case clock KPIs: thin, the counting is <see cref="CaseClockTally"/>'s. Every case tells it its
/// outcomes, and its state remembers up to <see cref="RememberedOutcomes"/> of them, so it pushes and stages as agents and
/// teams do (<see cref="DeferredStaging"/>): once per delay, and when a checkpoint asks, not on every call (serializing
/// the whole state per outcome kept the floor's grain over a second behind while the demo seeded its history).
/// </summary>
[GrainType("caseKpis")]
internal sealed class CaseKpiGrain(
    IStateCheckpointer checkpointer,
    [PersistentState("caseKpis", CheckpointGrainStorage.ProviderName)] IPersistentState<CaseKpiGrainState> persisted,
    ILiveNotifier notifier,
    CompanyCalendar calendar,
    [FromKeyedServices(FloorClock.Key)] TimeProvider time,
    IOptions<CheckpointOptions> checkpointOptions) : Grain, ICaseKpiGrain
{
    /// <summary>Outcomes remembered as counted: a case may tell again after a restart that lost its own record of telling.</summary>
    public const int RememberedOutcomes = 100_000;

    private DeferredStaging? _deferredStaging;
    private CaseKpiGrainState State => persisted.State;
    private GrainKey StateKey => new("caseKpis", this.GetPrimaryKeyString());

    private DeferredStaging Deferred =>
        _deferredStaging ??= new(checkpointOptions.Value.DeferredStageDelay, (callback, options) => this.RegisterGrainTimer(callback, options), checkpointer, StateKey, PublishAsync, FlushAsync, time);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_deferredStaging is { Pending: true }) await FlushAsync();
        await checkpointer.ReleaseAsync(StateKey);
    }

    public async Task RecordAsync(IReadOnlyList<CaseClockOutcome> outcomes)
    {
        var changed = false;
        foreach (var outcome in outcomes)
        {
            if (!State.Counted.TryAdd(outcome.Key, RememberedOutcomes)) continue;
            State.Tally.Record(outcome.Clock, outcome.Day, outcome.Met);
            changed = true;
        }
        // The checkpoint that would write a case's record of telling asks this grain to stage first.
        if (changed && !Deferred.DeferFacts()) await FlushAsync();
    }

    public Task<IReadOnlyList<CaseClockKpi>> GetAsync(ScorecardWindow window) => Task.FromResult(Kpis(window, time.GetUtcNow()));

    private async Task FlushAsync()
    {
        await PublishAsync();
        await persisted.WriteStateAsync();
        _deferredStaging?.Done();
    }

    private Task PublishAsync()
    {
        var key = this.GetPrimaryKeyString();
        var now = time.GetUtcNow();
        var team = key == CaseKpiKeys.Floor ? CaseKpiKeys.Floor : key["team:".Length..];
        var payload = new CaseKpisPayload(team, Kpis(ScorecardWindow.Today, now), Kpis(ScorecardWindow.Last7Days, now), Kpis(ScorecardWindow.QuarterToDate, now));
        notifier.Publish(new LiveMessage(CaseLiveMethods.CaseKpiChanged, payload, [key == CaseKpiKeys.Floor ? LiveScopes.Floor : LiveScopes.Team(team)], CaseLiveMethods.CaseKpiChanged + ":" + key));
        return Task.CompletedTask;
    }

    private IReadOnlyList<CaseClockKpi> Kpis(ScorecardWindow window, DateTimeOffset now) => State.Tally.Kpis(window.DaysAt(now, calendar));
}
