namespace Realtime.Domain.Scorecards;

/// <summary>One weighted dimension of the scorecard (e.g. customer satisfaction, 40 %).</summary>
/// <param name="Id">Stable snake_case id.</param>
/// <param name="LabelZh">Chinese label.</param>
/// <param name="LabelEn">English label.</param>
/// <param name="Weight">Its weight in the total, in percent by convention (weights are renormalised over the dimensions with data, so they need not sum to 100).</param>
/// <param name="Indicators">Its indicators, in display order.</param>
public sealed record RubricDimension(
    string Id,
    string LabelZh,
    string LabelEn,
    double Weight,
    IReadOnlyList<RubricIndicator> Indicators);
