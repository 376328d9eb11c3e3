namespace Realtime.Grains.Tests;

/// <summary>
/// A shared cluster whose busy grains push once per 250 ms and stage when a checkpoint asks; checkpoints are written only
/// when a test writes one (the background one runs on the real clock and would stage at random).
/// </summary>
public sealed class DeferringGrainsCluster : GrainsCluster
{
    /// <summary>The deferral delay.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(250);

    /// <inheritdoc />
    protected override TimeSpan? DeferredStageDelay => Delay;

    /// <inheritdoc />
    protected override TimeSpan? CheckpointInterval => TimeSpan.FromHours(1);
}
