namespace Realtime.Grains.Persistence;

/// <summary>One grain state to write in a checkpoint, guarded by the etag the writer last saw (null: none stored yet).</summary>
public sealed record GrainStateWrite(GrainKey Id, ReadOnlyMemory<byte> Data, string? ExpectedEtag);
