namespace Realtime.Grains.Deadlines;

/// <summary>A pending deadline a stopping silo hands to a survivor.</summary>
/// <param name="GrainType">The grain's type (as filed: <see cref="GrainKey.Type"/>).</param>
/// <param name="GrainKey">The grain's key.</param>
/// <param name="DueAt">When.</param>
public sealed record HandedOverDeadline(string GrainType, string GrainKey, DateTimeOffset DueAt)
{
    /// <summary>Where the grain is filed.</summary>
    public GrainKey Grain => new(GrainType, GrainKey);
}
