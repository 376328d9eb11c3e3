using BenchmarkDotNet.Running;
using Realtime.Benchmarks;

// `-- footprint` prints bytes per pending timer, `-- lateness` how late the scheduler fires on the real clock,
// `-- scorecard-footprint` bytes per agent with 30 and 90 days of history;
// anything else goes to BenchmarkDotNet (e.g. `-- --filter '*'`).
switch (args)
{
    case ["footprint", ..]:
        await PendingTimerFootprint.RunAsync();
        return;
    case ["scorecard-footprint", ..]:
        ScorecardFootprint.Run();
        return;
    case ["lateness", ..]:
        await SchedulerLateness.RunAsync();
        return;
}
BenchmarkSwitcher.FromAssembly(typeof(GrainTurnBenchmarks).Assembly).Run(args);
