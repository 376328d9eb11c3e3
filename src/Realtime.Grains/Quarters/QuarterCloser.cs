using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Domain.BreachCauses;
using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Kpis;
using Realtime.Domain.Quarters;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Agents;
using Realtime.Grains.BreachCauses;
using Realtime.Grains.Persistence;
using Realtime.Grains.Teams;

namespace Realtime.Grains.Quarters;

/// <summary>
/// Closes quarters and verifies them. When the journal keeps event contents (PostgreSQL) everything is computed from it:
/// one <see cref="QuarterEventReplay"/> over the quarter's events, streamed, gives the agents' histories and the teams'
/// activity (complaint clocks replayed under the SLA policy), and <see cref="VerifyAsync"/> runs the very same replay, so
/// it recomputes agents, ranks, team and department KPIs and the team ranking; only the configuration (rubric, targets,
/// bonus table) is taken from the stored snapshot. In memory, with no event contents, agents come from the agent grains'
/// stored histories and KPIs from the team grains' <see cref="TeamActivity"/>. Closes run one at a time.
/// </summary>
public sealed class QuarterCloser(
    IQuarterSnapshotStore store,
    IEventJournal journal,
    IGrainFactory grains,
    IGrainStateStore grainStorage,
    IStateCheckpointer checkpointer,
    IAppliedWatermark watermark,
    CompanyCalendar calendar,
    Rubric rubric,
    KpiTargets targets,
    BonusTable bonusTable,
    Policies.PolicyCatalog policies,
    [FromKeyedServices(FloorClock.Key)] TimeProvider time)
{
    private readonly SemaphoreSlim _closing = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, QuarterSnapshot> _read = new(StringComparer.Ordinal);

    /// <summary>The company calendar quarters are reckoned in.</summary>
    public CompanyCalendar Calendar => calendar;

    /// <summary>The store.</summary>
    public IQuarterSnapshotStore Store => store;

    /// <summary>
    /// Closes <paramref name="quarter"/>: refused (null snapshot) while the server clock is before its end; else the stored
    /// snapshot, computed now if the quarter was not closed yet.
    /// </summary>
    public async Task<QuarterCloseOutcome> CloseAsync(Quarter quarter, CancellationToken cancellationToken = default)
    {
        var end = quarter.End(calendar);
        if (time.GetUtcNow() < end) return new QuarterCloseOutcome(null, end);
        if (await store.GetAsync(quarter, cancellationToken) is { } existing) return new QuarterCloseOutcome(existing, end);
        await _closing.WaitAsync(cancellationToken);
        try
        {
            if (await store.GetAsync(quarter, cancellationToken) is { } raced) return new QuarterCloseOutcome(raced, end);
            var now = time.GetUtcNow();
            // The clocks configured at the close are stamped into the snapshot: later policy changes never reach it.
            var policy = policies.CurrentComplaints;
            var closedAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
            long through;
            IReadOnlyList<AgentQuarterInput> agents;
            IReadOnlyList<TeamActivity> teams;
            BreachCauseSummary causes;
            if (store.CanReplayJournal)
            {
                through = await store.JournalHighWaterAsync(cancellationToken);
                var replayed = await ReplayAsync(quarter, calendar, closedAt, through, policy, cancellationToken);
                (agents, teams, causes) = (replayed.Agents, replayed.Teams, CausesOf(quarter, replayed));
            }
            else
            {
                through = watermark.AppliedThrough;
                var live = await TeamActivitiesAsync();
                teams = live.Select(t => t.Activity).ToArray();
                agents = await StoredAgentsAsync(live.SelectMany(t => t.AgentIds), cancellationToken);
                // No event contents to replay: the live ledger, which counts each cause under the owner at its breach as a replay does.
                causes = await grains.GetGrain<IBreachCauseGrain>(BreachCauseReports.FloorKey).GetOfAsync(new LocalDateRange(quarter.FirstDay, quarter.LastDay), "complaint:");
            }

            var (teamKpis, department) = QuarterAppraisal.ComputeTeamKpis(teams, quarter, calendar, targets);
            var snapshot = QuarterAppraisal.Build(quarter, calendar, new QuarterConfiguration(rubric, targets, bonusTable) { SlaClocks = policy.Clocks }, agents, teamKpis, department)
                with
            { BreachCauses = causes };
            var content = QuarterSnapshotJson.Serialize(snapshot);
            var stored = await store.AddAsync(new StoredQuarterSnapshot(quarter, content, QuarterSnapshotJson.Hash(content), closedAt, through), cancellationToken);
            return new QuarterCloseOutcome(stored, end);
        }
        finally
        {
            _closing.Release();
        }
    }

    /// <summary>The closed quarter with its late events, or null when it is not closed.</summary>
    public async Task<ClosedQuarter?> GetAsync(Quarter quarter, CancellationToken cancellationToken = default) =>
        await store.GetAsync(quarter, cancellationToken) is { } stored ? await WithLateEventsAsync(stored, cancellationToken) : null;

    /// <summary>Adds the late-event count to <paramref name="stored"/>.</summary>
    public async Task<ClosedQuarter> WithLateEventsAsync(StoredQuarterSnapshot stored, CancellationToken cancellationToken = default)
    {
        var zone = CalendarOf(stored);
        var late = await store.CountLateEventsAsync(stored.Quarter, stored.Quarter.Start(zone), stored.Quarter.End(zone), stored.ThroughSequence, cancellationToken);
        return new ClosedQuarter(stored, late);
    }

    /// <summary>Recomputes <paramref name="stored"/> from the journal and compares hashes.</summary>
    public async Task<QuarterVerification> VerifyAsync(StoredQuarterSnapshot stored, CancellationToken cancellationToken = default)
    {
        if (!store.CanReplayJournal)
        {
            return new QuarterVerification(false, null, stored.Hash, null,
                "In-memory storage keeps no event contents, so the snapshot cannot be recomputed from stored events; configure ConnectionStrings:Postgres.");
        }

        var frozen = QuarterSnapshotReader.Read(stored.Content);
        var zone = CalendarOf(stored);
        // The clocks in force at the close (stamped), not today's: a later change of targets must not change the recomputation.
        var policy = policies.CurrentComplaints;
        var closedUnder = frozen.Config.SlaClocks is { } clocks ? policy with { Clocks = clocks } : policy;
        var replayed = await ReplayAsync(stored.Quarter, zone, stored.ClosedAt, stored.ThroughSequence, closedUnder, cancellationToken);
        var (teamKpis, department) = QuarterAppraisal.ComputeTeamKpis(replayed.Teams, stored.Quarter, zone, frozen.Config.KpiTargets);
        // A snapshot closed before causes were kept has none, and its recomputation none either.
        var recomputed = QuarterAppraisal.Build(stored.Quarter, zone, frozen.Config, replayed.Agents, teamKpis, department)
            with
        { BreachCauses = frozen.BreachCauses is null ? null : CausesOf(stored.Quarter, replayed) };
        var hash = QuarterSnapshotJson.Hash(QuarterSnapshotJson.Serialize(recomputed));
        return new QuarterVerification(true, hash == stored.Hash, stored.Hash, hash, null);
    }

    /// <summary>The snapshot in <paramref name="stored"/> (read once per hash: stored snapshots never change).</summary>
    public QuarterSnapshot Read(StoredQuarterSnapshot stored) => _read.GetOrAdd(stored.Hash, _ => QuarterSnapshotReader.Read(stored.Content));

    private static BreachCauseSummary CausesOf(Quarter quarter, QuarterReplayResult replayed)
    {
        var ledger = new BreachCauseLedger();
        foreach (var cause in replayed.BreachCauses) ledger.Record(cause);
        return ledger.Summarize(new LocalDateRange(quarter.FirstDay, quarter.LastDay));
    }

    private CompanyCalendar CalendarOf(StoredQuarterSnapshot stored)
    {
        using var document = JsonDocument.Parse(stored.Content);
        var zone = document.RootElement.GetProperty("timeZone").GetString();
        return zone == calendar.TimeZoneId || string.IsNullOrEmpty(zone) ? calendar : new CompanyCalendar(zone);
    }

    private async Task<QuarterReplayResult> ReplayAsync(Quarter quarter, CompanyCalendar zone, DateTimeOffset closedAt, long through, SlaPolicy clocks, CancellationToken cancellationToken)
    {
        var replay = new QuarterEventReplay(quarter, zone, through, clocks);
        await foreach (var e in journal.ReadOccurredBetweenAsync(quarter.Start(zone), closedAt, cancellationToken)) replay.Apply(e);
        return replay.Finish();
    }

    private async Task<List<TeamSnapshot>> TeamActivitiesAsync()
    {
        var ids = await grains.GetGrain<IFloorGrain>(IFloorGrain.Key).GetTeamIdsAsync();
        var snapshots = await Task.WhenAll(ids.Select(id => grains.GetGrain<ITeamGrain>(id).GetSnapshotAsync()));
        return snapshots.OfType<TeamSnapshot>().ToList();
    }

    /// <summary>Reads the agent grains' histories from grain storage after a flush, so every applied event is in them.</summary>
    private async Task<IReadOnlyList<AgentQuarterInput>> StoredAgentsAsync(IEnumerable<string> agentIds, CancellationToken cancellationToken)
    {
        await checkpointer.FlushAsync();
        var inputs = new List<AgentQuarterInput>();
        foreach (var id in agentIds.Distinct(StringComparer.Ordinal))
        {
            if (await grainStorage.ReadAsync(new GrainKey("agent", id), cancellationToken) is not { } stored) continue;
            var state = JsonSerializer.Deserialize<AgentGrainState>(stored.Data.Span, GrainJson.Options);
            if (state?.Activity is { } activity) inputs.Add(new AgentQuarterInput(activity, state.TeamId));
        }

        return inputs;
    }
}
