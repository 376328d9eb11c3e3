namespace Realtime.Domain.Scorecards;

/// <summary>
/// One indicator of a computed scorecard. <see cref="Value"/>, <see cref="Band"/> and <see cref="Points"/> are all null
/// when there is no data (never zero). A value type: agents recompute three scorecards per change, and an object per
/// indicator was most of what that allocated.
/// </summary>
/// <param name="Id">Indicator id.</param>
/// <param name="Dimension">Its dimension id.</param>
/// <param name="Value">The value in the indicator's unit (percent for rates, seconds for response time), or null.</param>
/// <param name="Band">Its band, or null.</param>
/// <param name="Points">The band's points, or null.</param>
public readonly record struct IndicatorScore(string Id, string Dimension, double? Value, Band? Band, double? Points);
