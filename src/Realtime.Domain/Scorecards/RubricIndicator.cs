namespace Realtime.Domain.Scorecards;

/// <summary>One graded indicator of the scorecard (e.g. <c>complaint_rate</c>) with its bands and weight.</summary>
/// <param name="Id">Stable snake_case id used on the wire and in configuration.</param>
/// <param name="DimensionId">The id of the dimension it belongs to.</param>
/// <param name="LabelZh">Chinese label for dashboards.</param>
/// <param name="LabelEn">English label for dashboards.</param>
/// <param name="Source">Live (event stream) or manual (rating events).</param>
/// <param name="Unit">The unit of its values.</param>
/// <param name="Direction">Which way it improves.</param>
/// <param name="Edges">Its band edges, in <paramref name="Unit"/>.</param>
/// <param name="Weight">Its weight inside its dimension (default 1: indicators weigh equally).</param>
public sealed record RubricIndicator(
    string Id,
    string DimensionId,
    string LabelZh,
    string LabelEn,
    IndicatorSource Source,
    IndicatorUnit Unit,
    Direction Direction,
    BandEdges Edges,
    double Weight = 1)
{
    /// <summary>The band of <paramref name="value"/>.</summary>
    public Band Grade(double value) => Edges.Classify(value, Direction);
}
