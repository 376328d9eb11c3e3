using System.Text.Json.Serialization;

namespace Realtime.Domain.Kpis;

/// <summary>Whether a KPI's target is a floor or a ceiling.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KpiGoal>))]
public enum KpiGoal
{
    /// <summary>Met when the value is at least the target.</summary>
    [JsonStringEnumMemberName("atLeast")] AtLeast,
    /// <summary>Met when the value is at most the target.</summary>
    [JsonStringEnumMemberName("atMost")] AtMost,
}
