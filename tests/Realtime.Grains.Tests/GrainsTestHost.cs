using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Realtime.Actors;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;
using Realtime.Grains;
using Realtime.Grains.Ingest;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using Realtime.Testing;

namespace Realtime.Grains.Tests;

/// <summary>The grains in-process with in-memory storage, a fake clock and a notifier that records every push.</summary>
public sealed class GrainsTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private GrainsTestHost(ServiceProvider services, FakeTimeProvider time, RecordingNotifier live, List<IHostedService> hosted)
    {
        _services = services;
        Time = time;
        Live = live;
        _hosted = hosted;
    }

    /// <summary>The grains' clock (starts 2026-11-02T09:00+08:00).</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>Every push the grains made.</summary>
    public RecordingNotifier Live { get; }

    /// <summary>Grain references.</summary>
    public IGrainFactory Grains => _services.GetRequiredService<IGrainFactory>();

    /// <summary>The event journal.</summary>
    public Persistence.IEventJournal Journal => _services.GetRequiredService<Persistence.IEventJournal>();

    /// <summary>A service of the host (the checkpointer, the grain storage, the grain host).</summary>
    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The ingest pipeline.</summary>
    public IngestPipeline Pipeline => _services.GetRequiredService<IngestPipeline>();

    /// <summary>Builds and starts the host.</summary>
    /// <param name="start">The fake clock's start.</param>
    /// <param name="deferredStageDelay">How long busy grains defer their flush (zero: after every event).</param>
    /// <param name="storage">Registers storage of the test's own before the in-memory defaults.</param>
    /// <param name="checkpointInterval">How often the checkpointer writes on its own (real time; default 500 ms).</param>
    public static async Task<GrainsTestHost> StartAsync(DateTimeOffset? start = null, TimeSpan? deferredStageDelay = null, Action<IServiceCollection>? storage = null,
        TimeSpan? checkpointInterval = null)
    {
        var time = new FakeTimeProvider(start);
        var live = new RecordingNotifier();
        var collection = new ServiceCollection();
        storage?.Invoke(collection);
        var services = collection
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<ILiveNotifier>(live)
            .AddSingleton(new SlaOptions().ToPolicy())
            .AddLogging()
            .AddRealtimeGrains()
            // Pushes and stages follow every event unless a test asks for deferral (its timer runs on the fake clock).
            .Configure<CheckpointOptions>(o =>
            {
                o.DeferredStageDelay = deferredStageDelay ?? TimeSpan.Zero;
                o.Interval = checkpointInterval ?? CheckpointOptions.DefaultInterval;
            })
            .BuildServiceProvider();
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted) await service.StartAsync(CancellationToken.None);
        return new GrainsTestHost(services, time, live, hosted);
    }

    /// <summary>Journals and applies <paramref name="events"/> as one ingest request.</summary>
    public Task<IngestResult> SubmitAsync(params FloorEvent[] events) => Pipeline.SubmitAsync(events);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        for (var i = _hosted.Count - 1; i >= 0; i--) await _hosted[i].StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}

/// <summary>An <see cref="ILiveNotifier"/> that records every message (no coalescing: that is the real notifier's job).</summary>
public sealed class RecordingNotifier : ILiveNotifier
{
    private readonly Channel<LiveMessage> _arrivals = Channel.CreateUnbounded<LiveMessage>();
    private readonly List<LiveMessage> _all = [];

    /// <summary>Runs in the publishing grain's turn, at the moment of publishing (to observe what else is true then).</summary>
    public Action<LiveMessage>? OnPublish { get; set; }

    /// <inheritdoc />
    public void Publish(LiveMessage message)
    {
        OnPublish?.Invoke(message);
        lock (_all) _all.Add(message);
        _arrivals.Writer.TryWrite(message);
    }

    /// <summary>Every message so far.</summary>
    public IReadOnlyList<LiveMessage> All
    {
        get { lock (_all) return _all.ToArray(); }
    }

    /// <summary>Waits (up to 10 s) for the next message matching <paramref name="match"/>, skipping others.</summary>
    public async Task<LiveMessage> NextAsync(Func<LiveMessage, bool> match)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await _arrivals.Reader.ReadAsync(cts.Token);
            if (match(message)) return message;
        }
    }
}
