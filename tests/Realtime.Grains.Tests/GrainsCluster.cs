namespace Realtime.Grains.Tests;

/// <summary>
/// One in-process cluster shared by the tests of a class (xUnit runs a class's tests one after another, as a collection).
/// Its clock only moves forward, so each test reads "now" from it; each test names its own agents, teams and complaints
/// with <see cref="NextRun"/>, since the grains and pushes of the tests before it are still there.
/// </summary>
public abstract class GrainsCluster : IAsyncLifetime
{
    private int _runs;

    /// <summary>The cluster.</summary>
    public GrainsTestHost Host { get; private set; } = null!;

    /// <summary>How long busy grains defer their pushes (none: after every event).</summary>
    protected virtual TimeSpan? DeferredStageDelay => null;

    /// <summary>How often the checkpointer writes on its own.</summary>
    protected virtual TimeSpan? CheckpointInterval => null;

    /// <summary>A suffix no other test of this cluster uses, for the ids a test makes up.</summary>
    public string NextRun() => "-" + Interlocked.Increment(ref _runs);

    /// <inheritdoc />
    public async Task InitializeAsync() => Host = await GrainsTestHost.StartAsync(deferredStageDelay: DeferredStageDelay, checkpointInterval: CheckpointInterval);

    /// <inheritdoc />
    public async Task DisposeAsync() => await Host.DisposeAsync();
}
