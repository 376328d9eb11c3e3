namespace Realtime.Grains.Cases;

/// <summary>
/// The cases of one case type (the grain's key, e.g. <c>claim</c>) that are not closed, as their grains report them: what
/// <c>GET /api/cases</c> filters and orders. A grain, not a silo singleton, so its list is one per cluster and durable.
/// </summary>
public interface ICaseDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Lists or updates a case; a null summary (closed) removes it.</summary>
    Task UpdateAsync(string caseId, CaseSummary? summary);

    /// <summary>
    /// The listed cases (of <paramref name="teamId"/> and owned by <paramref name="agentId"/> when given; only paused ones when
    /// <paramref name="pausedOnly"/>), breached first, then by due time.
    /// </summary>
    Task<CaseList> QueryAsync(string? teamId, string? agentId, bool pausedOnly, int limit);
}
