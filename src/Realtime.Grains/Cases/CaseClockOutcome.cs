namespace Realtime.Grains.Cases;

/// <summary>One case clock that ended, as a case tells its team's and the floor's KPIs.</summary>
/// <param name="Key">Unique per case, clock and run (<c>caseId/clock/cycle</c>), so a repeat is dropped.</param>
/// <param name="Clock">The clock's name.</param>
/// <param name="Day">The local day the outcome was decided (stop of a met clock, breach of a breached one).</param>
/// <param name="Met">Met (true) or breached (false).</param>
public sealed record CaseClockOutcome(string Key, string Clock, DateOnly Day, bool Met);
