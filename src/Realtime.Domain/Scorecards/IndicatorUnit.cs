using System.Text.Json.Serialization;

namespace Realtime.Domain.Scorecards;

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
