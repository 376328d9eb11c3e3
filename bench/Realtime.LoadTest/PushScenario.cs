using System.Diagnostics;

namespace Realtime.LoadTest;

/// <summary>
/// Push fan-out: K clients subscribe to the floor; every 100 ms one <c>complaint.opened</c> is posted whose
/// first-response deadline is already past, so the server breaches it in the same turn and pushes an
/// <c>slaBreached</c> at once (a state push would wait for the 100 ms coalescing flush). Latency = arrival at each
/// client − the moment the POST was sent, on one Stopwatch.
/// </summary>
public static class PushScenario
{
    private const string Prefix = "PP-";

    /// <summary>Runs the scenario against <paramref name="server"/> (its first-response target must be under 3 hours).</summary>
    public static async Task<PushFigure> RunAsync(ServerProcess server, LoadProfile profile)
    {
        var k = profile.PushClients;
        var probes = profile.PushProbes;
        var sentAt = new long[probes];
        var samples = new double[k * probes];
        Array.Fill(samples, double.NaN);
        var clients = new List<FloorSubscriber>(k);
        for (var c = 0; c < k; c += 50)
        {
            var group = await Task.WhenAll(Enumerable.Range(c, Math.Min(50, k - c)).Select(_ => FloorSubscriber.ConnectAsync(server.BaseAddress, server.AccessToken)));
            clients.AddRange(group);
        }
        for (var c = 0; c < k; c++)
        {
            var column = c;
            clients[c].OnBreach = (payload, _) =>
            {
                var now = Stopwatch.GetTimestamp();
                var number = FloorEvents.NumberOf(payload.GetProperty("complaintId").GetString()!, Prefix);
                if (number < 0 || number >= probes) return;
                samples[number * k + column] = Stopwatch.GetElapsedTime(Volatile.Read(ref sentAt[number]), now).TotalMilliseconds;
            };
        }
        Console.WriteLine($"  push: {k} clients connected and subscribed to floor; {probes} probes");
        var pastDue = DateTimeOffset.UtcNow - TimeSpan.FromHours(3);
        var bodies = Enumerable.Range(0, probes).Select(p => FloorEvents.OpenedBody(Prefix, p, 1, _ => pastDue)).ToArray();
        for (var p = 0; p < probes; p++)
        {
            Volatile.Write(ref sentAt[p], Stopwatch.GetTimestamp());
            await FloorEvents.PostAsync(server.Http, bodies[p]);
            await Task.Delay(100);
        }
        await Task.Delay(TimeSpan.FromSeconds(5));
        foreach (var client in clients) await client.DisposeAsync();
        var arrived = samples.Where(s => !double.IsNaN(s)).ToArray();
        var figure = new PushFigure(k, probes, LatencySummary.Of(arrived), samples.Length - arrived.Length, Machine.LoadAverage());
        Console.WriteLine($"  push: p50 {figure.Latency.P50Ms} ms, p99 {figure.Latency.P99Ms} ms, max {figure.Latency.MaxMs} ms over {arrived.Length:N0} deliveries ({figure.Missing} missing; load {figure.LoadAverage})");
        return figure;
    }
}
