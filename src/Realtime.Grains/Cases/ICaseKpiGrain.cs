using Realtime.Domain.Cases;
using Realtime.Domain.Scorecards;

namespace Realtime.Grains.Cases;

/// <summary>
/// The case clock KPIs (met share per clock) of one team (key <see cref="CaseKpiKeys.Team"/>) or of the floor (<see cref="CaseKpiKeys.Floor"/>): case
/// grains tell it each clock that ended; it keeps daily counts and pushes <c>caseKpiChanged</c> when they change.
/// </summary>
public interface ICaseKpiGrain : IGrainWithStringKey
{
    /// <summary>Counts each outcome not counted before.</summary>
    Task RecordAsync(IReadOnlyList<CaseClockOutcome> outcomes);

    /// <summary>Each clock's compliance over <paramref name="window"/>.</summary>
    Task<IReadOnlyList<CaseClockKpi>> GetAsync(ScorecardWindow window);
}
