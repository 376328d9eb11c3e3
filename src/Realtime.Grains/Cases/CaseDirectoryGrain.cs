using System.Text.Json;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Cases;

/// <summary>The directory of one case type's cases that are not closed; its state goes through the checkpointer like a case's.</summary>
[GrainType("caseDirectory")]
internal sealed class CaseDirectoryGrain(IStateCheckpointer checkpointer) : Grain, ICaseDirectoryGrain
{
    private Dictionary<string, CaseSummary> _cases = new(StringComparer.Ordinal);
    private GrainKey StateKey => new("caseDirectory", this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await checkpointer.LoadAsync(StateKey, cancellationToken) is { } bytes)
            _cases = new(JsonSerializer.Deserialize<Dictionary<string, CaseSummary>>(bytes.Span, GrainJson.Options)!, StringComparer.Ordinal);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => checkpointer.ReleaseAsync(StateKey);

    public Task UpdateAsync(string caseId, CaseSummary? summary)
    {
        var changed = summary is null ? _cases.Remove(caseId) : !(_cases.TryGetValue(caseId, out var old) && old == summary);
        if (summary is not null) _cases[caseId] = summary;
        // Cases are far fewer than complaint events, so the whole list is staged on each change (a checkpoint writes it once).
        if (changed) checkpointer.Stage(StateKey, JsonSerializer.SerializeToUtf8Bytes(_cases, GrainJson.Options), null);
        return Task.CompletedTask;
    }

    public Task<CaseList> QueryAsync(string? teamId, string? agentId, bool pausedOnly, int limit)
    {
        var matching = _cases.Values.Where(c => (teamId is null || c.TeamId == teamId) && (agentId is null || c.AgentId == agentId) && (!pausedOnly || c.Paused)).ToList();
        var page = matching
            .OrderByDescending(c => c.Breached)
            .ThenBy(c => c.MostUrgentDueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.CaseId, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return Task.FromResult(new CaseList(page, matching.Count));
    }
}
