using BenchmarkDotNet.Running;
using Realtime.Benchmarks;

// `-- footprint` prints bytes per pending timer, `-- lateness` how late the scheduler fires on the real clock,
// `-- scorecard-footprint` bytes per agent with 30 and 90 days of history,
// `-- mixed-stream [events] [runs] [batch] [clients] [--followed]` the in-memory end-to-end throughput of issue 4
// (run with DOTNET_gcServer=1 DOTNET_TC_QuickJit=0, as the server runs; --followed serializes every push, as the server
// does while a dashboard follows the floor);
// anything else goes to BenchmarkDotNet (e.g. `-- --filter '*'`).
switch (args)
{
    case ["footprint", ..]:
        await PendingTimerFootprint.RunAsync();
        return;
    case ["scorecard-footprint", ..]:
        ScorecardFootprint.Run();
        return;
    case ["mixed-stream", .. var rest]:
        var followed = rest.Contains("--followed");
        rest = [.. rest.Where(a => a != "--followed")];
        Environment.ExitCode = await MixedStreamThroughput.RunAsync(Arg(rest, 0, 400_000), Arg(rest, 1, 5), Arg(rest, 2, 1_000), Arg(rest, 3, 4), followed);
        return;
    case ["lateness", ..]:
        await SchedulerLateness.RunAsync();
        return;
}
BenchmarkSwitcher.FromAssembly(typeof(GrainTurnBenchmarks).Assembly).Run(args);

static int Arg(string[] args, int index, int otherwise) =>
    args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : otherwise;
