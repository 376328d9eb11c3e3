using System.Text.Json.Serialization;

namespace Realtime.Domain.Scorecards;

/// <summary>Where an indicator's values come from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorSource>))]
public enum IndicatorSource
{
    /// <summary>Computed from the event stream over a rolling window.</summary>
    [JsonStringEnumMemberName("live")] Live,
    /// <summary>Entered as <c>agent.rated</c> events; the latest rating of the quarter counts.</summary>
    [JsonStringEnumMemberName("manual")] Manual,
}

/// <summary>The unit of an indicator's value on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorUnit>))]
public enum IndicatorUnit
{
    /// <summary>A score from 0 to 100.</summary>
    [JsonStringEnumMemberName("score")] Score,
    /// <summary>A rate in percent, 0 to 100 (not a fraction): 2.5 means 2.5 %.</summary>
    [JsonStringEnumMemberName("percent")] Percent,
    /// <summary>A duration in seconds.</summary>
    [JsonStringEnumMemberName("seconds")] Seconds,
    /// <summary>A count of occurrences in the period.</summary>
    [JsonStringEnumMemberName("count")] Count,
}

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
