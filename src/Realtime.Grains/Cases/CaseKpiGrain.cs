using System.Text.Json;
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
    ILiveNotifier notifier,
    CompanyCalendar calendar,
    [FromKeyedServices(FloorClock.Key)] TimeProvider time) : Grain, ICaseKpiGrain
{
    // Outcomes already counted: a case may tell again after a restart that lost its own record of telling.
    private const int RememberedOutcomes = 100_000;
    private CaseKpiGrainState _state = new();
    private GrainKey StateKey => new("caseKpis", this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await checkpointer.LoadAsync(StateKey, cancellationToken) is { } bytes)
            _state = JsonSerializer.Deserialize<CaseKpiGrainState>(bytes.Span, GrainJson.Options)!;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => checkpointer.ReleaseAsync(StateKey);

    public Task RecordAsync(IReadOnlyList<CaseClockOutcome> outcomes)
    {
        var changed = false;
        foreach (var outcome in outcomes)
        {
            if (!_state.Counted.TryAdd(outcome.Key, RememberedOutcomes)) continue;
            _state.Tally.Record(outcome.Clock, outcome.Day, outcome.Met);
            changed = true;
        }
        if (!changed) return Task.CompletedTask;
        checkpointer.Stage(StateKey, JsonSerializer.SerializeToUtf8Bytes(_state, GrainJson.Options), null);
        var key = this.GetPrimaryKeyString();
        var now = time.GetUtcNow();
        var team = key == CaseKpiKeys.Floor ? CaseKpiKeys.Floor : key["team:".Length..];
        var payload = new CaseKpisPayload(team, Kpis(ScorecardWindow.Today, now), Kpis(ScorecardWindow.Last7Days, now), Kpis(ScorecardWindow.QuarterToDate, now));
        notifier.Publish(new LiveMessage(CaseLiveMethods.CaseKpiChanged, payload, [key == CaseKpiKeys.Floor ? LiveScopes.Floor : LiveScopes.Team(team)], CaseLiveMethods.CaseKpiChanged + ":" + key));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CaseClockKpi>> GetAsync(ScorecardWindow window) => Task.FromResult(Kpis(window, time.GetUtcNow()));

    private IReadOnlyList<CaseClockKpi> Kpis(ScorecardWindow window, DateTimeOffset now) => _state.Tally.Kpis(window.DaysAt(now, calendar));
}
