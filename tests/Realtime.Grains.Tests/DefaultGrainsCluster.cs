namespace Realtime.Grains.Tests;

/// <summary>A shared cluster whose grains push and stage after every event.</summary>
public sealed class DefaultGrainsCluster : GrainsCluster;
