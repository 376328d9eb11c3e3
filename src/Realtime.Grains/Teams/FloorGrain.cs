using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Realtime.Domain.Kpis;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Teams;

/// <summary>What the floor grain persists: the team ids.</summary>
public sealed class FloorGrainState
{
    /// <summary>Every team that ever had an event.</summary>
    public SortedSet<string> Teams { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The floor's team registry, and the department's live KPIs: every <see cref="KpiTargets.FloorRefreshInterval"/> it
/// merges its teams' histories and pushes <c>kpiChanged</c> (<c>teamId: "floor"</c>, today's window) to the
/// <c>floor</c> scope when the values changed, coalesced like a team's.
/// </summary>
/// <remarks>
/// Team grains await <see cref="RegisterTeamAsync"/> inside their turns, so a turn of this grain must never await a team
/// grain (the two would wait on each other for ever: the host has no reentrancy and no call timeout). The timer's turn
/// therefore only starts the aggregation, which runs outside this grain's turns on a copy of the team list, one at a
/// time, and publishes itself (the notifier is thread-safe); outside a turn it calls through the injected factory, as
/// Orleans refuses activation services off the grain's scheduler. The timer keeps the grain in memory: once anything
/// activated it (a team's first event, a board or team-list query), the floor keeps pushing.
/// </remarks>
[GrainType("floor")]
internal sealed partial class FloorGrain(
    [PersistentState("floor")] IPersistentState<FloorGrainState> persisted,
    [FromKeyedServices(FloorClock.Key)] TimeProvider time,
    KpiTargets targets,
    ILiveNotifier notifier,
    Complaints.OpenComplaintDirectory openComplaints,
    IGrainFactory grains,
    ILogger<FloorGrain> log) : Grain, IFloorGrain
{
    /// <summary>The window the floor's <c>kpiChanged</c> carries (as the teams').</summary>
    public const Domain.Scorecards.ScorecardWindow PushedWindow = TeamGrain.PushedWindow;

    // Not "kpi:floor": a team may be called "floor".
    private const string FloorCoalesceKey = "floorKpi";

    private FloorGrainState State => persisted.State;
    private IGrainTimer? _timer;

    // Touched only by the one aggregation running at a time (guarded by _aggregating), never by turns.
    private KpisResource? _published;
    private int _aggregating;
    // The last aggregate, whose floor-wide customer sets the next one extends (read and written only by the one aggregation running).
    private TeamActivity? _merged;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interval = targets.FloorRefreshInterval;
        _timer = this.RegisterGrainTimer(_ => Tick(), new GrainTimerCreationOptions { DueTime = interval, Period = interval, KeepAlive = true });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    // Teams are few and join once: the list is written through Orleans' default grain storage (ADO.NET on PostgreSQL)
    // before the team's turn goes on, so a quarter closed after a 202 finds the team however the server stops.
    public async Task RegisterTeamAsync(string teamId)
    {
        if (State.Teams.Add(teamId)) await persisted.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetTeamIdsAsync() => Task.FromResult<IReadOnlyList<string>>(State.Teams.ToArray());

    private Task Tick()
    {
        // A slow aggregation (a very large floor) is not stacked up: the next tick after it ends starts the next one.
        if (State.Teams.Count == 0 || Interlocked.CompareExchange(ref _aggregating, 1, 0) != 0) return Task.CompletedTask;
        var teams = State.Teams.ToArray();
        _ = Task.Run(() => AggregateAsync(teams));
        return Task.CompletedTask;
    }

    private async Task AggregateAsync(string[] teams)
    {
        try
        {
            var snapshots = await Task.WhenAll(teams.Select(t => grains.GetGrain<ITeamGrain>(t).GetSnapshotAsync()));
            var merged = _merged = TeamActivity.Merge(LiveScopes.Floor, snapshots.OfType<TeamSnapshot>().Select(s => s.Activity), _merged);
            var kpis = KpisResource.Of(TeamKpis.Compute(merged, PushedWindow, time.GetUtcNow(), targets, openComplaints.FloorCounts()));
            if (kpis.SameValues(_published)) return;
            _published = kpis;
            notifier.Publish(new LiveMessage(LiveMethods.KpiChanged, kpis, [LiveScopes.Floor], FloorCoalesceKey));
        }
        catch (ObjectDisposedException)
        {
            // The grain host is stopping.
        }
        catch (Exception e)
        {
            // The next tick tries again; a grain host shutting down refuses calls, which lands here too.
            LogAggregationFailed(e);
        }
        finally
        {
            Volatile.Write(ref _aggregating, 0);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The floor's KPI aggregation failed; it is retried at the next tick")]
    private partial void LogAggregationFailed(Exception error);
}
