namespace Realtime.Domain.Cases;

/// <summary>
/// One case clock's compliance over a window: of the clocks that ended in it, how many were met and how many breached
/// (e.g. the 3-minute survey acceptance rate E查勘三分钟接受率 for <c>surveyAcceptance</c>).
/// </summary>
/// <param name="Clock">The clock's name.</param>
/// <param name="Met">Ended before their target.</param>
/// <param name="Breached">Reached their target first.</param>
/// <param name="Rate">Met share in percent, one decimal; null when none ended.</param>
public sealed record CaseClockKpi(string Clock, int Met, int Breached, double? Rate);
