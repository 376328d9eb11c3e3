using System.Text.Json.Serialization;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;

namespace Realtime.Domain.Scorecards;

/// <summary>
/// The latest value a rater gave one manual indicator for one quarter (from <c>agent.rated</c>).
/// Serialized compactly as <c>[indicator, rater, quarter, value, ratedAt]</c>.
/// </summary>
/// <param name="Indicator">The indicator id, e.g. <c>knowledge_test</c>.</param>
/// <param name="Rater">Who rated.</param>
/// <param name="Quarter">The quarter the rating is for.</param>
/// <param name="Value">The value, in the indicator's unit.</param>
/// <param name="RatedAt">When the rating happened (<c>occurredAt</c>); a later one replaces an earlier one.</param>
[JsonConverter(typeof(ManualRatingJsonConverter))]
public sealed record ManualRating(string Indicator, Rater Rater, Quarter Quarter, double Value, DateTimeOffset RatedAt);
