using Realtime.Grains.Persistence;

namespace Realtime.Grains.Cases;

/// <summary>The directory of one case type's cases that are not closed; its state is written behind like a case's.</summary>
[GrainType("caseDirectory")]
internal sealed class CaseDirectoryGrain(
    IStateCheckpointer checkpointer,
    [PersistentState("caseDirectory", CheckpointGrainStorage.ProviderName)] IPersistentState<Dictionary<string, CaseSummary>> persisted) : Grain, ICaseDirectoryGrain
{
    private Dictionary<string, CaseSummary> Cases => persisted.State;
    private GrainKey StateKey => new("caseDirectory", this.GetPrimaryKeyString());

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => checkpointer.ReleaseAsync(StateKey);

    public async Task UpdateAsync(string caseId, CaseSummary? summary)
    {
        var changed = summary is null ? Cases.Remove(caseId) : !(Cases.TryGetValue(caseId, out var old) && old == summary);
        if (summary is not null) Cases[caseId] = summary;
        // Cases are far fewer than complaint events, so the whole list is staged on each change (a checkpoint writes it once).
        if (changed) await persisted.WriteStateAsync();
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
