using System.Text.Json.Serialization;

namespace Realtime.Domain.Scorecards;

/// <summary>A rolling window over which live indicators are computed. Wire names: <c>today</c>, <c>7d</c>, <c>qtd</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScorecardWindow>))]
public enum ScorecardWindow
{
    /// <summary>The local calendar day (company zone) containing now.</summary>
    [JsonStringEnumMemberName("today")] Today,
    /// <summary>The last 7 local days, today included.</summary>
    [JsonStringEnumMemberName("7d")] Last7Days,
    /// <summary>From the first day of the current quarter to today.</summary>
    [JsonStringEnumMemberName("qtd")] QuarterToDate,
}
