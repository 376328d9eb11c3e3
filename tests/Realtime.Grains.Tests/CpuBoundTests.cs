namespace Realtime.Grains.Tests;

/// <summary>Tests that saturate the CPU on purpose run in this collection, after the others and never beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuBoundTests
{
    public const string Name = "CPU-bound";
}
