using System.Buffers;
using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Serialization;
using Realtime.Domain.Events;
using Realtime.Grains.Live;

namespace Realtime.Benchmarks;

/// <summary>
/// End to end in memory: the mixed floor stream for 10,000 agents in 50 teams through <see cref="Realtime.Grains.Ingest.IngestPipeline"/>
/// (journal, router, complaint, agent and team grains, checkpoint staging, push publication), posted as the load
/// harness posts (four clients, batches of 1,000, each client waiting for its answer), timed after a warm-up that
/// activates every agent and team. Fails if any opened complaint did not reach its team. Run it as the server runs:
/// server GC and no quick JIT (<c>DOTNET_gcServer=1 DOTNET_TC_QuickJit=0</c>); the GC mode is printed.
/// </summary>
internal static class MixedStreamThroughput
{
    private const int Agents = 10_000, Teams = 50;

    /// <summary>
    /// Runs the measurement <paramref name="runs"/> times in one process, each on a fresh grain host, and prints each run
    /// and the median of all but the first (which pays for JIT compilation; a server that has run for a minute has not).
    /// </summary>
    /// <returns>The process exit code: 1 when a run lost an opened complaint on its way to the teams.</returns>
    public static async Task<int> RunAsync(int events, int runs, int batch, int clients, bool followed)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, .NET {Environment.Version}; " +
            $"{events:N0} events per run, {clients} clients posting {batch:N0} at a time; pushes {(followed ? "serialized (floor followed)" : "counted (nobody following)")}");
        var rates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            if (await RunOnceAsync(events, run, batch, clients, followed) is not { } rate) return 1;
            if (run > 1) rates.Add(rate);
        }
        if (rates.Count > 0) Console.WriteLine($"median of runs 2–{runs}: {rates.Order().ElementAt(rates.Count / 2):N0} events/s");
        return 0;
    }

    private static async Task<double?> RunOnceAsync(int events, int run, int batch, int clients, bool followed)
    {
        var notifier = new CountingNotifier(followed);
        await using var host = await MixedStreamHost.StartAsync(notifier);
        var warmUp = MixedFloorStream.Generate(Agents, Agents, Teams, "w").ToArray();
        var stream = MixedFloorStream.Generate(events, Agents, Teams).ToArray();
        var batches = stream.Chunk(batch).ToArray();

        await host.Pipeline.SubmitAsync(warmUp);
        // The stream was built up front; move it out of the young generations first, or the run pays for promoting it
        // (events arriving over HTTP are parsed, applied and dropped; they never pile up like this).
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauses = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await host.PostAsync(batches, clients);
        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(
            $"run {run}: {events:N0} events in {seconds:F2} s = {events / seconds:N0} events/s; " +
            $"CPU {cpuSeconds / seconds:F2} cores, {cpuSeconds * 1e6 / events:F1} µs CPU/event; " +
            $"{(GC.GetTotalAllocatedBytes() - allocated) / (double)events:N0} B allocated/event; " +
            $"GC {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}, " +
            $"paused {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:N0} ms; {notifier.Count:N0} pushes published" +
            (followed ? $", {notifier.Bytes / (double)Math.Max(1, notifier.Count):N0} B each" : ""));

        var opened = await host.ComplaintsOpenedAsync(Teams);
        var expected = stream.Concat(warmUp).Count(e => e.Type == EventType.ComplaintOpened);
        if (opened == expected) return events / seconds;
        Console.Error.WriteLine($"run {run}: the teams counted {opened:N0} complaints opened, the stream opened {expected:N0}");
        return null;
    }

    /// <summary>
    /// Counts pushes; when the floor is <c>followed</c>, also serializes each payload to UTF-8 JSON, as the server's
    /// notifier does in the publishing turn for every push a dashboard follows (camelCase, enums as camelCase strings; the
    /// bytes are then dropped instead of queued for connections). Unfollowed, the server serializes nothing.
    /// </summary>
    private sealed class CountingNotifier(bool followed) : ILiveNotifier
    {
        private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };

        [ThreadStatic]
        private static ArrayBufferWriter<byte>? t_buffer;

        private long _count, _bytes;

        public long Count => Interlocked.Read(ref _count);

        public long Bytes => Interlocked.Read(ref _bytes);

        public void Publish(LiveMessage message)
        {
            Interlocked.Increment(ref _count);
            if (!followed) return;
            var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer)) JsonSerializer.Serialize(writer, message.Payload, message.Payload.GetType(), Wire);
            // Copied out, as the server keeps each push's bytes for the connections that follow it.
            Interlocked.Add(ref _bytes, buffer.WrittenSpan.ToArray().Length);
        }
    }
}
