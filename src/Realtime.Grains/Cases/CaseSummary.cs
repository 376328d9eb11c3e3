using Realtime.Domain.Cases;
using Realtime.Domain.Clocks;

namespace Realtime.Grains.Cases;

/// <summary>What a case list needs of one case that is not closed, to filter and order it without activating it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="TeamId">Its team.</param>
/// <param name="AgentId">Its owner.</param>
/// <param name="Paused">Whether it is paused.</param>
/// <param name="Breached">Whether any clock has breached.</param>
/// <param name="MostUrgentDueAt">The earliest due instant of its running clocks (null when none runs).</param>
public sealed record CaseSummary(string CaseId, string? TeamId, string? AgentId, bool Paused, bool Breached, DateTimeOffset? MostUrgentDueAt)
{
    /// <summary>The summary of <paramref name="view"/>; null when it is closed (no longer listed).</summary>
    public static CaseSummary? From(CaseView view)
    {
        if (view.Status == CaseStatus.Closed) return null;
        var running = view.Clocks.Where(c => c.State == ClockState.Running && c.DueAt is not null).Select(c => c.DueAt).ToList();
        return new(view.Id, view.TeamId, view.AgentId, view.Status == CaseStatus.Paused, view.Clocks.Any(c => c.State == ClockState.Breached), running.Count == 0 ? null : running.Min());
    }
}
