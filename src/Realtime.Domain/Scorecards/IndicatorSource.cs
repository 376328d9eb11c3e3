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
