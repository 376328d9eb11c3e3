using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Quarters;

/// <summary>One graded indicator as frozen (the supervisor view: live indicators plus the supervisor's ratings).</summary>
/// <param name="Id">Indicator id.</param>
/// <param name="Value">The value (rounded), or null without data.</param>
/// <param name="Band">The band of the exact value, or null.</param>
/// <param name="Points">The band's points, or null.</param>
public sealed record SnapshotIndicator(string Id, double? Value, Band? Band, double? Points);
