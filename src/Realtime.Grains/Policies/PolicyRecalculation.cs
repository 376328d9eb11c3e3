using Realtime.Domain.Policies;

namespace Realtime.Grains.Policies;

/// <summary>What recalculating one running complaint or case under the configured policy changes (or would change).</summary>
/// <param name="Kind"><c>complaint</c> or <c>case</c>.</param>
/// <param name="Id">The complaint or case id.</param>
/// <param name="CaseType">The case type; null for a complaint.</param>
/// <param name="TeamId">Its team.</param>
/// <param name="AgentId">Its owner.</param>
/// <param name="VersionBefore">The policy version it ran under.</param>
/// <param name="VersionAfter">The configured version it is (or would be) recalculated under.</param>
/// <param name="Clocks">The clocks that read differently (due time, state, breach); empty when only the version moves.</param>
public sealed record PolicyRecalculation(
    string Kind,
    string Id,
    string? CaseType,
    string? TeamId,
    string? AgentId,
    string VersionBefore,
    string VersionAfter,
    IReadOnlyList<ClockChange> Clocks);
