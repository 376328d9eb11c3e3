using Realtime.Domain.Kpis;

namespace Realtime.Reports;

/// <summary>One scope's counters summed over a range of days: the department (<c>floor</c>) or a team.</summary>
/// <param name="Scope">The team id, or <c>floor</c> for the department.</param>
/// <param name="Totals">The summed daily buckets (<see cref="TeamActivity.Totals"/>).</param>
public sealed record ScopeTotals(string Scope, TeamDay Totals);
