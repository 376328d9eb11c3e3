namespace Realtime.Grains.Persistence;

/// <summary>
/// What a silo's checkpoint may claim. <paramref name="AppliedThrough"/>: every journal event up to it has been applied
/// by its grains, wherever they live. <paramref name="OthersCheckpointedThrough"/>: every other silo's stored states hold
/// everything up to it (<see cref="long.MaxValue"/> when no other silo runs). The stored watermark, from which a restart
/// or a failover replays, is the lower of the two and of this checkpoint's own.
/// </summary>
public sealed record CheckpointWatermark(long AppliedThrough, long OthersCheckpointedThrough);
