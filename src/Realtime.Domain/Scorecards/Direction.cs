using System.Text.Json.Serialization;

namespace Realtime.Domain.Scorecards;

/// <summary>Which way an indicator improves.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Direction>))]
public enum Direction
{
    /// <summary>Larger values are better (satisfaction, resolution rate, praise).</summary>
    [JsonStringEnumMemberName("higherIsBetter")] HigherIsBetter,
    /// <summary>Smaller values are better (complaint rate, response time, error rate, violations).</summary>
    [JsonStringEnumMemberName("lowerIsBetter")] LowerIsBetter,
}
