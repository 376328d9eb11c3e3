namespace Realtime.Grains.Persistence;

/// <summary>A write presented an etag that is no longer current: someone else wrote first.</summary>
public sealed class InconsistentStateException(GrainKey id, string? expected, string? actual)
    : Exception($"Stale write to {id}: expected etag '{expected ?? "<none>"}', stored '{actual ?? "<none>"}'.")
{
    /// <summary>The grain whose write was refused.</summary>
    public GrainKey GrainKey { get; } = id;
    /// <summary>The etag the writer presented.</summary>
    public string? ExpectedEtag { get; } = expected;
    /// <summary>The etag in storage.</summary>
    public string? StoredEtag { get; } = actual;
}
