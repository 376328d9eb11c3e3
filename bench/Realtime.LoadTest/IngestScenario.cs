using System.Diagnostics;

namespace Realtime.LoadTest;

/// <summary>
/// Sustained <c>POST /api/events</c> throughput: fresh <c>complaint.opened</c> events (each creates a complaint grain,
/// the heavier path), bodies built before the clock starts so the harness spends its CPU on sending only, a 202 counted
/// as acknowledged (on PostgreSQL: committed).
/// </summary>
public static class IngestScenario
{
    /// <summary>Runs every batch size of <paramref name="profile"/> against one fresh server.</summary>
    public static async Task<List<IngestFigure>> RunAsync(string engine, ServerProcess server, LoadProfile profile)
    {
        var figures = new List<IngestFigure>();
        // Warm-up: JIT, connection pools, the first grains.
        await PostAllAsync(server, Bodies("W-", 0, 4000, 100), 4, TimeSpan.FromSeconds(30));
        for (var s = 0; s < LoadProfile.IngestShapes.Length; s++)
        {
            var (batch, clients) = LoadProfile.IngestShapes[s];
            var bodies = Bodies($"I{batch}-", 0, profile.IngestEvents[s], batch);
            var cpu0 = server.CpuTime();
            var watch = Stopwatch.StartNew();
            var acknowledged = await PostAllAsync(server, bodies, clients, profile.IngestTimeLimit) * (long)batch;
            var seconds = watch.Elapsed.TotalSeconds;
            var cores = (server.CpuTime() - cpu0).TotalSeconds / seconds;
            var figure = new IngestFigure(engine, batch, clients, acknowledged, Math.Round(seconds, 2), Math.Round(acknowledged / seconds), Math.Round(cores, 2), Machine.LoadAverage());
            Console.WriteLine($"  ingest {engine,-8} batch {batch,5} x{clients,-3}: {figure.EventsPerSecond,9:N0} events/s ({acknowledged:N0} in {seconds:F1} s, server {cores:F2} cores, load {figure.LoadAverage})");
            figures.Add(figure);
        }
        return figures;
    }

    private static List<byte[]> Bodies(string prefix, long first, int events, int batch)
    {
        var now = DateTimeOffset.UtcNow;
        var bodies = new List<byte[]>(events / batch + 1);
        for (long i = first; i < first + events; i += batch) bodies.Add(FloorEvents.OpenedBody(prefix, i, batch, _ => now));
        return bodies;
    }

    /// <summary>Posts <paramref name="bodies"/> from <paramref name="clients"/> concurrent loops; returns how many were acknowledged before the limit.</summary>
    private static async Task<long> PostAllAsync(ServerProcess server, List<byte[]> bodies, int clients, TimeSpan limit)
    {
        var next = -1;
        long acknowledged = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count && Stopwatch.GetTimestamp() < stopAt)
            {
                await FloorEvents.PostAsync(server.Http, bodies[i]);
                Interlocked.Increment(ref acknowledged);
            }
        })));
        return acknowledged;
    }
}
