using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Realtime.LoadTest;

/// <summary>
/// Alert latency: N complaints are opened (batches of 1,000 from 4 clients) with <c>occurredAt</c> chosen so that their
/// first-response deadlines (target set to lead + window + 10 s through <c>Sla__Clocks__firstResponse__Target</c>, so
/// every <c>occurredAt</c> lies in the past) fall evenly over a window that starts after loading is done. A floor
/// subscriber notes when each <c>slaBreached</c> arrives; latency = arrival − the payload's <c>dueAt</c>, same clock.
/// The sweep baseline runs at the same time over the same due instants.
/// </summary>
public static class AlertScenario
{
    private const string Prefix = "AL-";


    /// <summary>Runs the scenario against a server made by <paramref name="startServer"/> (given the environment the scenario needs).</summary>
    public static async Task<AlertFigure> RunAsync(string engine, LoadProfile profile, double estimatedOpensPerSecond,
        Func<Dictionary<string, string?>, Task<ServerProcess>> startServer, string sweepDatabase, string? traceDirectory = null)
    {
        var n = profile.OpenComplaints;
        var window = profile.AlertWindow;
        // Lead time: the expected load time with room for a slow stretch of the shared VM, and for the complaints just
        // opened to leave memory (collection age 5 s) before their deadlines start.
        var lead = TimeSpan.FromSeconds(Math.Ceiling(n / estimatedOpensPerSecond * 2.0) + 25);
        var target = lead + window + TimeSpan.FromSeconds(10);
        // Idle complaints leave memory after 5 s here (the server's default is 2 minutes, too long for a quick run), so the
        // memory reading is that of open but idle complaints and their breaches re-activate them, as in production.
        await using var server = await startServer(new()
        {
            ["Sla__Clocks__firstResponse__Target"] = target.ToString(@"hh\:mm\:ss"),
            ["Actors__ClassSpecificCollectionAge__complaint"] = "00:00:05",
            ["Actors__CollectionQuantum"] = "00:00:02",
        });
        await using var floor = await FloorSubscriber.ConnectAsync(server.BaseAddress, server.AccessToken);

        var windowStart = DateTimeOffset.UtcNow + lead + TimeSpan.FromSeconds(Math.Ceiling(n / 100_000.0) * 2);
        DateTimeOffset DueAt(long i) => windowStart + window * (i / (double)n);

        // Warm-up: the warm-up complaints breach 2–4 s from now, before the load, so the first measured breaches do not pay
        // for compiling the breach path (a server in service has long since done that); they are not measured.
        const int warmUp = 1000;
        var warmUpDue = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        await FloorEvents.PostAsync(server.Http, FloorEvents.OpenedBody("WU-", 0, warmUp,
            i => warmUpDue + TimeSpan.FromSeconds(2) * (i / (double)warmUp) - target));
        var warmedUp = warmUpDue + TimeSpan.FromSeconds(3) - DateTimeOffset.UtcNow;
        if (warmedUp > TimeSpan.Zero) await Task.Delay(warmedUp);

        var sweep = new SweepBaseline(sweepDatabase, LoadProfile.SweepIntervalsSeconds);
        await sweep.PrepareAsync(n, DueAt);

        var latencies = new double[n];
        Array.Fill(latencies, double.NaN);
        var detectionLags = new double[n];
        var acknowledgedAt = new DateTimeOffset[n];
        long received = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        floor.OnBreach = (payload, arrived) =>
        {
            if (payload.GetProperty("clock").GetString() != "firstResponse") return;
            var number = FloorEvents.NumberOf(payload.GetProperty("complaintId").GetString()!, Prefix);
            if (number < 0 || number >= n || !double.IsNaN(latencies[number])) return;
            var dueAt = payload.GetProperty("dueAt").GetDateTimeOffset();
            detectionLags[number] = (payload.GetProperty("detectedAt").GetDateTimeOffset() - dueAt).TotalMilliseconds;
            latencies[number] = (arrived - dueAt).TotalMilliseconds;
            if (Interlocked.Increment(ref received) == n) allArrived.TrySetResult();
        };

        Console.WriteLine($"  alerts {engine}: opening {n:N0} complaints, deadlines from {windowStart:HH:mm:ss} over {window.TotalSeconds:F0} s (target {target})");
        var load = Stopwatch.StartNew();
        const int batch = 1000;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) * batch < n)
            {
                var first = (long)b * batch;
                var count = (int)Math.Min(batch, n - first);
                await FloorEvents.PostAsync(server.Http, FloorEvents.OpenedBody(Prefix, first, count, i => DueAt(i) - target));
                var now = DateTimeOffset.UtcNow;
                for (var i = first; i < first + count; i++) acknowledgedAt[i] = now;
            }
        })));
        var loadSeconds = load.Elapsed.TotalSeconds;
        Console.WriteLine($"  alerts {engine}: opened in {loadSeconds:F1} s ({n / loadSeconds:N0}/s); window starts in {(windowStart - DateTimeOffset.UtcNow).TotalSeconds:F1} s");


        var giveUpAt = windowStart + window + TimeSpan.FromSeconds(Math.Max(30, window.TotalSeconds / 2));
        var untilWindow = windowStart - DateTimeOffset.UtcNow;
        if (untilWindow > TimeSpan.Zero) await Task.Delay(untilWindow);
        var runtime0 = await RuntimeAsync(server);
        var cpu0 = server.CpuTime();
        var windowWatch = Stopwatch.StartNew();
        var sweeps = sweep.RunAsync(windowStart, n, giveUpAt);
        using var stopTracing = new CancellationTokenSource();
        var tracing = traceDirectory is null ? Task.CompletedTask : TraceRuntimeAsync(server, windowStart, Path.Combine(traceDirectory, $"runtime-{engine}.jsonl"), stopTracing.Token);
        // Loading that overran the whole window (the full mode's 1M did on 2026-11-22) still gets 30 s for
        // the breaches already detected to arrive; those due before they were opened are counted apart.
        var waitFor = giveUpAt - DateTimeOffset.UtcNow;
        await Task.WhenAny(allArrived.Task, Task.Delay(waitFor > TimeSpan.FromSeconds(30) ? waitFor : TimeSpan.FromSeconds(30)));
        var cores = (server.CpuTime() - cpu0).TotalSeconds / windowWatch.Elapsed.TotalSeconds;
        await stopTracing.CancelAsync();
        await tracing;
        if (traceDirectory is not null)
            await File.WriteAllLinesAsync(Path.Combine(traceDirectory, $"breaches-{engine}.csv"), Enumerable.Range(0, n).Select(i =>
                FormattableString.Invariant($"{i},{(DueAt(i) - windowStart).TotalMilliseconds:F1},{detectionLags[i]:F1},{latencies[i]:F1},{(DueAt(i) - windowStart).TotalMilliseconds + latencies[i]:F1}")).Prepend("complaint,dueMs,detectionMs,latencyMs,arrivedMs"));
        var runtime1 = await RuntimeAsync(server);
        var gc = runtime0 is { } r0 && runtime1 is { } r1 ? new GcInWindow(
            Math.Round(r1.GetProperty("gcPauseMsTotal").GetDouble() - r0.GetProperty("gcPauseMsTotal").GetDouble(), 1),
            [.. Enumerable.Range(0, 3).Select(g => r1.GetProperty("gcCollections")[g].GetInt32() - r0.GetProperty("gcCollections")[g].GetInt32())],
            r1.GetProperty("gcServer").GetBoolean(), r1.GetProperty("threadPoolThreads").GetInt32()) : null;
        var sweepFigures = await sweeps;
        await DiagnoseMissingAsync(server, latencies, floor);

        var dueBeforeOpened = Enumerable.Range(0, n).LongCount(i => acknowledgedAt[i] > DueAt(i));
        var timed = Enumerable.Range(0, n).Where(i => acknowledgedAt[i] <= DueAt(i) && !double.IsNaN(latencies[i])).ToArray();
        var valid = timed.Select(i => latencies[i]).ToArray();
        var missing = latencies.LongCount(double.IsNaN);
        var summary = LatencySummary.Of(valid);
        var detection = LatencySummary.Of(timed.Select(i => detectionLags[i]).ToArray());
        var delivery = LatencySummary.Of(timed.Select(i => latencies[i] - detectionLags[i]).ToArray());
        var slowest = timed.GroupBy(i => (int)((DueAt(i) - windowStart).TotalSeconds))
            .Select(g => (Second: g.Key, Summary: LatencySummary.Of(g.Select(i => latencies[i]).ToArray())))
            .OrderByDescending(s => s.Summary.P99Ms).Take(5)
            .Select(s => new SecondOfWindow(s.Second, (int)s.Summary.Count, s.Summary.P99Ms, s.Summary.MaxMs)).ToList();
        var figure = new AlertFigure(engine, n, summary, missing, dueBeforeOpened, Math.Round(loadSeconds, 2), window.TotalSeconds, Math.Round(cores, 2),
            sweepFigures, Machine.LoadAverage(), detection, delivery, slowest, gc, floor.FellBehind.Resyncs, floor.FellBehind.Missed,
            floor.Reconnects);
        Console.WriteLine($"  alerts {engine}: p50 {summary.P50Ms} ms, p99 {summary.P99Ms} ms, p99.9 {summary.P999Ms} ms, max {summary.MaxMs} ms " +
            $"({summary.Count:N0} timed, {missing:N0} missing, {dueBeforeOpened:N0} due before opened; server {cores:F2} cores; load {figure.LoadAverage})");
        Console.WriteLine($"  alerts {engine}: detection (dueAt → detectedAt) p50 {detection.P50Ms} / p99 {detection.P99Ms} / max {detection.MaxMs} ms; " +
            $"delivery (detectedAt → arrival) p50 {delivery.P50Ms} / p99 {delivery.P99Ms} / max {delivery.MaxMs} ms");
        if (figure.SubscriberResyncs > 0)
            Console.WriteLine($"  alerts {engine}: the floor subscriber fell behind {figure.SubscriberResyncs} times; the server dropped {figure.SubscriberMissed:N0} messages for it");
        if (gc is not null)
            Console.WriteLine($"  alerts {engine}: {(gc.ServerGc ? "server" : "workstation")} GC paused {gc.PauseMs:F0} ms in the window " +
                $"(gen0/1/2 collections {string.Join("/", gc.Collections)}); {gc.ThreadPoolThreads} thread-pool threads");
        Console.WriteLine($"  alerts {engine}: slowest seconds of the window: {string.Join(", ", slowest.Select(s => $"+{s.Second} s p99 {s.P99Ms:F0} ms"))}");
        foreach (var s in sweepFigures)
            Console.WriteLine($"  sweep every {s.IntervalSec,2} s: p50 {s.Latency.P50Ms:N0} ms, p99 {s.Latency.P99Ms:N0} ms, max {s.Latency.MaxMs:N0} ms ({s.Sweeps} sweeps, slowest {s.SlowestSweepMs} ms)");
        return figure;
    }

    /// <summary>
    /// For <c>--trace</c>: the server's runtime figures (collections, pause total, push backlog), both processes' CPU time and
    /// this process's own collections, every 200 ms of the window, one JSON line each, so a slow stretch can be matched to
    /// its cause.
    /// </summary>
    private static async Task TraceRuntimeAsync(ServerProcess server, DateTimeOffset windowStart, string path, CancellationToken stop)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new StreamWriter(path);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            do
            {
                var asked = DateTimeOffset.UtcNow;
                var runtime = await RuntimeAsync(server);
                await file.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    tMs = Math.Round((asked - windowStart).TotalMilliseconds),
                    answeredInMs = Math.Round((DateTimeOffset.UtcNow - asked).TotalMilliseconds, 1),
                    harnessGcPauseMs = GC.GetTotalPauseDuration().TotalMilliseconds,
                    harnessCpuMs = Math.Round(Environment.CpuUsage.TotalTime.TotalMilliseconds),
                    serverCpuMs = Math.Round(server.CpuTime().TotalMilliseconds),
                    harnessGcCollections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
                    server = runtime,
                }));
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static async Task<JsonElement?> RuntimeAsync(ServerProcess server)
    {
        try
        {
            return await server.Http.GetFromJsonAsync<JsonElement>("health/runtime");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            Console.WriteLine($"  (could not read /health/runtime: {e.Message})");
            return null;
        }
    }

    /// <summary>For breaches that never arrived: does the server itself consider the clock breached (fired, not pushed) or still running (not fired)?</summary>
    private static async Task DiagnoseMissingAsync(ServerProcess server, double[] latencies, FloorSubscriber floor)
    {
        var missing = Enumerable.Range(0, latencies.Length).Where(i => double.IsNaN(latencies[i])).ToList();
        if (missing.Count == 0) return;
        var sample = missing.Where((_, k) => k % Math.Max(1, missing.Count / 200) == 0).Take(200).ToList();
        var states = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            string state;
            try
            {
                using var response = await server.Http.GetAsync($"api/complaints/{Prefix}{i}", ct);
                if (!response.IsSuccessStatusCode) state = $"http {(int)response.StatusCode}";
                else
                {
                    using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
                    state = doc.RootElement.GetProperty("clocks").EnumerateArray()
                        .Where(c => c.GetProperty("name").GetString() == "firstResponse").Select(c => c.GetProperty("state").GetString()!).FirstOrDefault() ?? "no clock";
                }
            }
            catch (Exception e)
            {
                state = e.GetType().Name;
            }
            states.AddOrUpdate(state, 1, (_, c) => c + 1);
        });
        Console.WriteLine($"  missing breaches: {missing.Count:N0}; a sample of {sample.Count} on the server: {string.Join(", ", states.Select(p => $"{p.Key} {p.Value}"))}; " +
            $"subscriber got {floor.OtherMessages:N0} other messages");
    }
}
