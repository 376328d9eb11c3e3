namespace Realtime.LoadTest;

/// <summary>The readable summary printed at the end of a run, with the issue's targets beside the figures.</summary>
public static class ResultTable
{
    /// <summary>Prints every figure of the run.</summary>
    public static void Print(LoadProfile profile, List<AlertFigure> alerts, List<IngestFigure> ingest, double jsonRate, double copyRate,
        RecoveryFigure recovery, PushFigure push)
    {
        var quick = profile.Name == "quick";
        Console.WriteLine();
        Console.WriteLine($"{"figure",-52} {"result",-34} {"target",-14}");
        Console.WriteLine(new string('-', 102));
        foreach (var a in alerts)
        {
            Row($"alert latency, {a.OpenComplaints:N0} open ({a.Engine})", $"p50 {a.Latency.P50Ms} / p99 {a.Latency.P99Ms} / p99.9 {a.Latency.P999Ms} / max {a.Latency.MaxMs} ms",
                quick ? "p99 ≤ 250 ms" : "p99 ≤ 100 ms", a.Latency.P99Ms <= (quick ? 250 : 100));
            foreach (var s in a.Sweeps)
                Row($"  sweep baseline every {s.IntervalSec} s", $"p50 {s.Latency.P50Ms:N0} / p99 {s.Latency.P99Ms:N0} ms ({s.Latency.P99Ms / a.Latency.P99Ms:N0}× ours)", "", null);
        }
        foreach (var f in ingest)
        {
            var target = f.Engine == "postgres" && f.BatchSize == 1000 ? (quick ? "≥ 20,000/s" : "≥ 50,000/s") : "";
            Row($"ingest {f.Engine}, batch {f.BatchSize} × {f.Clients} clients", $"{f.EventsPerSecond:N0} events/s", target,
                target == "" ? null : f.EventsPerSecond >= (quick ? 20_000 : 50_000));
        }
        Row("ceiling: PostgreSQL binary COPY", $"{copyRate:N0} rows/s", "", null);
        Row("ceiling: System.Text.Json parse, one thread", $"{jsonRate:N0} events/s", "", null);
        var bytes = recovery.BytesPerOpenComplaint;
        Row($"memory per open idle complaint (PostgreSQL, {recovery.OpenComplaints:N0})", $"{bytes:N0} B", quick ? "≤ 2,048 B" : "≤ 1,024 B", bytes <= (quick ? 2048 : 1024));
        Row($"recovery, {recovery.OpenComplaints:N0} open: restart to ready", $"{recovery.ReadySeconds:F2} s", quick ? "" : "≤ 10 s", quick ? null : recovery.ReadySeconds <= 10);
        Row("recovery: every overdue deadline fired", $"{recovery.OverdueFiredSeconds:F2} s ({recovery.Fired:N0} recorded, last at {recovery.LastFiredSeconds:F1} s; {recovery.NotFired:N0} not within {recovery.LimitSeconds} s; {recovery.PushedToFloor:N0} pushed, {recovery.FloorResyncs} resync)", "", null);
        Row($"push fan-out, {push.Clients} clients", $"p50 {push.Latency.P50Ms} / p99 {push.Latency.P99Ms} / max {push.Latency.MaxMs} ms", "", null);
        Console.WriteLine();
    }

    private static void Row(string figure, string result, string target, bool? met) =>
        Console.WriteLine($"{figure,-52} {result,-34} {target,-14} {(met is null ? "" : met.Value ? "met" : "MISSED")}");
}
