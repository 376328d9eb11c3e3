using Microsoft.Extensions.DependencyInjection;
using Realtime.Domain.Calendars;
using Realtime.Domain.Cases;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using Realtime.Grains.Teams;

namespace Realtime.Grains.Cases;

/// <summary>A team's or the floor's case clock KPIs: thin, the counting is <see cref="CaseClockTally"/>'s.</summary>
[GrainType("caseKpis")]
internal sealed class CaseKpiGrain(
    IStateCheckpointer checkpointer,
    [PersistentState("caseKpis", CheckpointGrainStorage.ProviderName)] IPersistentState<CaseKpiGrainState> persisted,
    ILiveNotifier notifier,
    CompanyCalendar calendar,
    [FromKeyedServices(FloorClock.Key)] TimeProvider time) : Grain, ICaseKpiGrain
{
    // Outcomes already counted: a case may tell again after a restart that lost its own record of telling.
    private const int RememberedOutcomes = 100_000;
    private CaseKpiGrainState State => persisted.State;
    private GrainKey StateKey => new("caseKpis", this.GetPrimaryKeyString());

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => checkpointer.ReleaseAsync(StateKey);

    public async Task RecordAsync(IReadOnlyList<CaseClockOutcome> outcomes)
    {
        var changed = false;
        foreach (var outcome in outcomes)
        {
            if (!State.Counted.TryAdd(outcome.Key, RememberedOutcomes)) continue;
            State.Tally.Record(outcome.Clock, outcome.Day, outcome.Met);
            changed = true;
        }
        if (!changed) return;
        await persisted.WriteStateAsync();
        var key = this.GetPrimaryKeyString();
        var now = time.GetUtcNow();
        var team = key == CaseKpiKeys.Floor ? CaseKpiKeys.Floor : key["team:".Length..];
        var payload = new CaseKpisPayload(team, Kpis(ScorecardWindow.Today, now), Kpis(ScorecardWindow.Last7Days, now), Kpis(ScorecardWindow.QuarterToDate, now));
        notifier.Publish(new LiveMessage(CaseLiveMethods.CaseKpiChanged, payload, [key == CaseKpiKeys.Floor ? LiveScopes.Floor : LiveScopes.Team(team)], CaseLiveMethods.CaseKpiChanged + ":" + key));
    }

    public Task<IReadOnlyList<CaseClockKpi>> GetAsync(ScorecardWindow window) => Task.FromResult(Kpis(window, time.GetUtcNow()));

    private IReadOnlyList<CaseClockKpi> Kpis(ScorecardWindow window, DateTimeOffset now) => State.Tally.Kpis(window.DaysAt(now, calendar));
}
