using BenchmarkDotNet.Running;
using Realtime.Benchmarks;

// `-- footprint` prints bytes per pending timer; anything else goes to BenchmarkDotNet (e.g. `-- --filter '*'`).
if (args is ["footprint", ..])
{
    await PendingTimerFootprint.RunAsync();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(GrainTurnBenchmarks).Assembly).Run(args);
