using Realtime.Domain.Cases;
using Realtime.Grains.Teams;

namespace Realtime.Grains.Cases;

/// <summary>What a case KPI grain persists.</summary>
public sealed class CaseKpiGrainState
{
    /// <summary>Met and breached counts per day and clock.</summary>
    public CaseClockTally Tally { get; set; } = new();

    /// <summary>The outcomes counted lately, so a repeat is dropped.</summary>
    public RecentKeys Counted { get; set; } = new();
}
