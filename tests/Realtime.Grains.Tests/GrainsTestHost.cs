using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;
using Realtime.Grains;
using Realtime.Grains.Ingest;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using Realtime.Grains.Serialization;
using Realtime.Testing;

namespace Realtime.Grains.Tests;

/// <summary>
/// The grains on a one-silo Orleans <see cref="TestCluster"/> (in process), with in-memory storage, a fake floor clock
/// (grain timers run on it too) and a notifier that records every push. Calls go through the silo's own grain factory,
/// as the server's ingest and queries do. A test class shares one (<see cref="GrainsCluster"/>, a class fixture); a test
/// that needs its own storage, its own clock date or hooks on every push starts its own.
/// </summary>
public sealed class GrainsTestHost : IAsyncDisposable
{
    // A silo is configured by a type, not an instance: each host hands its settings over under an id in its configuration.
    private static readonly ConcurrentDictionary<string, HostSettings> Pending = new();
    private readonly TestCluster _cluster;
    private readonly IServiceProvider _services;

    private GrainsTestHost(TestCluster cluster)
    {
        _cluster = cluster;
        _services = cluster.GetSiloServiceProvider();
        Time = (FakeTimeProvider)_services.GetRequiredKeyedService<TimeProvider>(FloorClock.Key);
        Live = (RecordingNotifier)_services.GetRequiredService<ILiveNotifier>();
    }

    /// <summary>The grains' clock (starts 2026-11-02T09:00+08:00).</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>Every push the grains made.</summary>
    public RecordingNotifier Live { get; }

    /// <summary>Grain references (the silo's).</summary>
    public IGrainFactory Grains => _services.GetRequiredService<IGrainFactory>();

    /// <summary>The event journal.</summary>
    public Persistence.IEventJournal Journal => _services.GetRequiredService<Persistence.IEventJournal>();

    /// <summary>A service of the silo (the checkpointer, the state store, the deadline scheduler).</summary>
    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The ingest pipeline.</summary>
    public IngestPipeline Pipeline => _services.GetRequiredService<IngestPipeline>();

    /// <summary>Builds and starts the cluster.</summary>
    /// <param name="start">The fake clock's start.</param>
    /// <param name="deferredStageDelay">How long busy grains defer their flush (zero: after every event).</param>
    /// <param name="storage">Registers storage of the test's own before the in-memory defaults.</param>
    /// <param name="checkpointInterval">How often the checkpointer writes on its own (real time; default 500 ms).</param>
    /// <param name="silos">Silos in the cluster; with several, they share one in-memory storage (as servers share one database) and one recorder of pushes.</param>
    public static async Task<GrainsTestHost> StartAsync(DateTimeOffset? start = null, TimeSpan? deferredStageDelay = null, Action<IServiceCollection>? storage = null,
        TimeSpan? checkpointInterval = null, int silos = 1)
    {
        var id = Guid.NewGuid().ToString("N");
        if (silos > 1 && storage is null)
        {
            var state = new InMemoryGrainStateStore();
            var checkpoints = new InMemoryCheckpointStore(state);
            var journal = new InMemoryEventJournal();
            storage = services => services
                .AddSingleton<IGrainStateStore>(state)
                .AddSingleton(checkpoints)
                .AddSingleton<ICheckpointStore>(checkpoints)
                .AddSingleton<IDeadlineIndex>(checkpoints)
                .AddSingleton<IEventJournal>(journal);
        }
        Pending[id] = new HostSettings(new FakeTimeProvider(start), deferredStageDelay ?? TimeSpan.Zero, storage, checkpointInterval ?? CheckpointOptions.DefaultInterval, new RecordingNotifier());
        try
        {
            var builder = new TestClusterBuilder((short)silos);
            builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection([new(SettingsKey, id)]));
            builder.AddSiloBuilderConfigurator<SiloConfigurator>();
            builder.AddClientBuilderConfigurator<ClientConfigurator>();
            var cluster = builder.Build();
            await cluster.DeployAsync();
            // No start-up recovery runs here: each silo takes dead silos' deadlines over from the start.
            foreach (var silo in cluster.Silos) cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<Deadlines.DeadlineTakeoverGate>().Open();
            return new GrainsTestHost(cluster);
        }
        finally
        {
            Pending.TryRemove(id, out _);
        }
    }

    /// <summary>The silos still running.</summary>
    public IReadOnlyList<SiloHandle> Silos => _cluster.Silos;

    /// <summary>A service of one silo.</summary>
    public T ServiceOf<T>(SiloHandle silo) where T : notnull => _cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<T>();

    /// <summary>Kills <paramref name="silo"/> at once (no shutdown: what it had not checkpointed is lost, as in a crash).</summary>
    public Task KillSiloAsync(SiloHandle silo) => _cluster.KillSiloAsync(silo);

    /// <summary>Deactivates every idle activation now (Orleans' collector, with no age limit).</summary>
    public Task CollectIdleActivationsAsync() => Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>Whether the grain filed under <paramref name="key"/> is in memory.</summary>
    public async Task<bool> IsActiveAsync(GrainKey key) =>
        (await Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(GrainType.Create(key.Type))).Contains(GrainId.Create(key.Type, key.Key));

    /// <summary>Journals and applies <paramref name="events"/> as one ingest request.</summary>
    public Task<IngestResult> SubmitAsync(params FloorEvent[] events) => Grains.FloorIngestWriter().SubmitAsync(events);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    private const string SettingsKey = "RealtimeTests:Host";

    private sealed record HostSettings(FakeTimeProvider Time, TimeSpan DeferredStageDelay, Action<IServiceCollection>? Storage, TimeSpan CheckpointInterval, RecordingNotifier Live);

    // The cluster's own client must know our messages too (tests call through the silo's factory, but the client is built).
    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) => client.Services.AddSerializer(s => s.AddRealtimeMessages());
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var settings = Pending[silo.Configuration[SettingsKey]!];
            settings.Storage?.Invoke(silo.Services);
            silo.AddMemoryGrainStorageAsDefault(o => o.GrainStorageSerializer = new GrainJsonStorageSerializer());
            silo.Services
                .AddKeyedSingleton<TimeProvider>(FloorClock.Key, settings.Time)
                // Grain timers (deferred pushes, the floor's refresh) follow the fake clock too; Orleans' own clocks keep real time.
                .AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, settings.Time)
                .AddSingleton<ILiveNotifier>(settings.Live)
                .AddSingleton(new SlaOptions().ToPolicy())
                .AddRealtimeGrains()
                // Pushes and stages follow every event unless a test asks for deferral (its timer runs on the fake clock).
                .Configure<CheckpointOptions>(o =>
                {
                    o.DeferredStageDelay = settings.DeferredStageDelay;
                    o.Interval = settings.CheckpointInterval;
                });
        }
    }
}
