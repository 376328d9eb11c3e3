using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Realtime.Grains.Persistence;
using Realtime.Grains.Teams;

namespace Realtime.Grains.Cases;

/// <summary>
/// The directory of one case type's cases that are not closed. Every change of a case tells it, so it stages as agents and
/// teams do (<see cref="DeferredStaging"/>: when a checkpoint asks, before the case's own state), not on every call, which
/// serialized the whole list each time.
/// </summary>
[GrainType("caseDirectory")]
internal sealed class CaseDirectoryGrain(
    IStateCheckpointer checkpointer,
    [PersistentState("caseDirectory", CheckpointGrainStorage.ProviderName)] IPersistentState<Dictionary<string, CaseSummary>> persisted,
    [FromKeyedServices(FloorClock.Key)] TimeProvider time,
    IOptions<CheckpointOptions> checkpointOptions) : Grain, ICaseDirectoryGrain
{
    private DeferredStaging? _deferredStaging;
    private Dictionary<string, CaseSummary> Cases => persisted.State;
    private GrainKey StateKey => new("caseDirectory", this.GetPrimaryKeyString());

    // Nothing to push: lists are read on request.
    private DeferredStaging Deferred =>
        _deferredStaging ??= new(checkpointOptions.Value.DeferredStageDelay, (callback, options) => this.RegisterGrainTimer(callback, options), checkpointer, StateKey, static () => Task.CompletedTask, FlushAsync, time);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_deferredStaging is { Pending: true }) await FlushAsync();
        await checkpointer.ReleaseAsync(StateKey);
    }

    public async Task UpdateAsync(string caseId, CaseSummary? summary)
    {
        var changed = summary is null ? Cases.Remove(caseId) : !(Cases.TryGetValue(caseId, out var old) && old == summary);
        if (summary is not null) Cases[caseId] = summary;
        if (changed && !Deferred.DeferFacts()) await FlushAsync();
    }

    private async Task FlushAsync()
    {
        await persisted.WriteStateAsync();
        _deferredStaging?.Done();
    }

    public Task<CaseList> QueryAsync(string? teamId, string? agentId, bool pausedOnly, int limit)
    {
        var matching = Cases.Values.Where(c => (teamId is null || c.TeamId == teamId) && (agentId is null || c.AgentId == agentId) && (!pausedOnly || c.Paused)).ToList();
        var page = matching
            .OrderByDescending(c => c.Breached)
            .ThenBy(c => c.MostUrgentDueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.CaseId, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return Task.FromResult(new CaseList(page, matching.Count));
    }
}
