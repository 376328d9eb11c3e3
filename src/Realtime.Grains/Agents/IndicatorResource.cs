namespace Realtime.Grains.Agents;

/// <summary>
/// One indicator on the wire. <see cref="Value"/>, <see cref="Band"/> and <see cref="Points"/> are all null when there
/// is no data. A value type: every push carries one per indicator, so a push allocates one array instead of an object each.
/// </summary>
/// <param name="Id">Indicator id, e.g. <c>complaint_rate</c>.</param>
/// <param name="Dimension">Its dimension id.</param>
/// <param name="Label">Its label.</param>
/// <param name="Source"><c>live</c> or <c>manual</c>.</param>
/// <param name="Unit"><c>score</c>, <c>percent</c>, <c>seconds</c> or <c>count</c>.</param>
/// <param name="Value">The value in its unit, rounded to 1 decimal, or null.</param>
/// <param name="Band"><c>excellent</c>, <c>good</c>, <c>pass</c>, <c>fail</c>, or null.</param>
/// <param name="Points">The band's points, or null.</param>
/// <param name="Direction"><c>higherIsBetter</c> or <c>lowerIsBetter</c>.</param>
/// <param name="Edges">The rubric's band edges, so a view can say what value reaches the next band.</param>
public readonly record struct IndicatorResource(string Id, string Dimension, LabelResource Label, string Source, string Unit, double? Value, string? Band, double? Points,
    string? Direction = null, BandEdgesResource? Edges = null);
