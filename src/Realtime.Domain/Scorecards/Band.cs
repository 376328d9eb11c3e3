using System.Text.Json.Serialization;

namespace Realtime.Domain.Scorecards;

/// <summary>The grade of one indicator value. Wire names are lower case (<c>excellent</c> …).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Band>))]
public enum Band
{
    /// <summary>优秀</summary>
    [JsonStringEnumMemberName("excellent")] Excellent,
    /// <summary>良好</summary>
    [JsonStringEnumMemberName("good")] Good,
    /// <summary>合格</summary>
    [JsonStringEnumMemberName("pass")] Pass,
    /// <summary>不合格</summary>
    [JsonStringEnumMemberName("fail")] Fail,
}
