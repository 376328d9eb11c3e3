using Realtime.Domain.Cases;

namespace Realtime.Grains.Cases;

/// <summary>Payload of <c>caseKpiChanged</c>: a team's (or, with <c>teamId: "floor"</c>, the floor's) case clock KPIs per window.</summary>
/// <param name="TeamId">The team, or <c>floor</c>.</param>
/// <param name="Today">Over today.</param>
/// <param name="Last7Days">Over the last 7 days.</param>
/// <param name="QuarterToDate">Over the quarter to date.</param>
public sealed record CaseKpisPayload(string TeamId, IReadOnlyList<CaseClockKpi> Today, IReadOnlyList<CaseClockKpi> Last7Days, IReadOnlyList<CaseClockKpi> QuarterToDate);
