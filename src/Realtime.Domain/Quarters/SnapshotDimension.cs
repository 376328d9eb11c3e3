namespace Realtime.Domain.Quarters;

/// <summary>One dimension as frozen (supervisor view).</summary>
/// <param name="Id">Dimension id.</param>
/// <param name="Score">Its score (rounded), or null without data.</param>
/// <param name="Weight">Its configured weight.</param>
public sealed record SnapshotDimension(string Id, double? Score, double Weight);
