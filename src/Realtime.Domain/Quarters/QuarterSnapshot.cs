using Realtime.Domain.Calendars;

namespace Realtime.Domain.Quarters;

/// <summary>
/// The frozen content of a closed quarter: per agent the appraisal, per team and for the department the KPIs,
/// team rankings, and the configuration in force. <see cref="QuarterSnapshotJson"/> writes it as canonical bytes;
/// the SHA-256 of those bytes is the snapshot's hash.
/// </summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="TimeZone">The company zone the quarter is reckoned in.</param>
/// <param name="From">The first instant of the quarter (inclusive).</param>
/// <param name="To">The first instant after the quarter (exclusive).</param>
/// <param name="Config">The configuration in force.</param>
/// <param name="Agents">Every agent with data in the quarter, by agent id (ordinal).</param>
/// <param name="Teams">Every team with data in the quarter or an agent, by team id (ordinal).</param>
/// <param name="Department">The department's KPIs (all teams together).</param>
public sealed record QuarterSnapshot(
    Quarter Quarter,
    string TimeZone,
    DateTimeOffset From,
    DateTimeOffset To,
    QuarterConfiguration Config,
    IReadOnlyList<AgentAppraisal> Agents,
    IReadOnlyList<TeamAppraisal> Teams,
    QuarterKpis Department)
{
    /// <summary>
    /// The explained complaint breaches of the quarter (by breach day) per reason, team and agent, each under the team and
    /// owner at its breach instant; null in snapshots closed before causes were kept (their content stays as it was).
    /// </summary>
    public BreachCauses.BreachCauseSummary? BreachCauses { get; init; }
}
