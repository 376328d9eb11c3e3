using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Realtime.Actors.Hosting;
using Realtime.Actors.Reminders;
using Realtime.Actors.Timers;

namespace Realtime.Actors;

/// <summary>
/// The grain host (our small stand-in for an Orleans silo): activates grains on their first call, runs each
/// activation's calls one turn at a time, drives grain timers and reminders from one shared scheduler, and
/// collects idle activations.
/// </summary>
public sealed class GrainHost : IGrainFactory, IAsyncDisposable
{
    private readonly GrainRuntime _runtime;
    private readonly CollectionTimer _collector;
    private int _stopped;

    /// <summary>Creates the host; grain implementations are constructed from <paramref name="services"/>.</summary>
    public GrainHost(IServiceProvider services, IEnumerable<GrainRegistration> registrations, IOptions<GrainHostOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        Scheduler = new TimerScheduler(time, loggers.CreateLogger<TimerScheduler>());
        _runtime = new GrainRuntime(services, new GrainRegistry(registrations), options.Value, time, Scheduler, loggers.CreateLogger<GrainHost>());
        _runtime.Factory = this;
        Reminders = new ReminderService(Scheduler, this, options.Value.ReminderWarmUp);
        _collector = new CollectionTimer(this);
        _collector.Arm();
    }

    /// <summary>The shared timer scheduler.</summary>
    public TimerScheduler Scheduler { get; }

    /// <summary>Reminders: wake-ups that outlive activations.</summary>
    public ReminderService Reminders { get; }

    /// <summary>Activations currently in memory.</summary>
    public int ActivationCount => _runtime.Catalog.Count;

    /// <summary>Whether <paramref name="id"/> has an activation in memory.</summary>
    public bool IsActive(GrainId id) => _runtime.Catalog.IsActive(id);

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var registration = _runtime.Registrations.ByInterface(typeof(TGrainInterface));
        return GrainProxy.For<TGrainInterface>(new GrainId(registration.GrainType, key), _runtime.Catalog);
    }

    /// <summary>The grain id a reference of <typeparamref name="TGrainInterface"/> with <paramref name="key"/> points to.</summary>
    public GrainId IdOf<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey =>
        new(_runtime.Registrations.ByInterface(typeof(TGrainInterface)).GrainType, key);

    /// <summary>Deactivates activations idle longer than their collection age now (the collector also does this every quantum).</summary>
    public int CollectIdleActivations() => CollectIdleActivations(null);

    /// <summary>Deactivates activations idle at least <paramref name="age"/> (null: each type's collection age).</summary>
    public int CollectIdleActivations(TimeSpan? age)
    {
        var count = _runtime.Catalog.CollectIdle(age);
        if (count > 0) _runtime.Log.Collected(count);
        return count;
    }

    internal void Send(GrainId id, WorkItem item) => _runtime.Catalog.Send(id, item);

    /// <summary>Refuses further calls (they fail with <see cref="ObjectDisposedException"/>), then deactivates every activation (each runs <see cref="Grain.OnDeactivateAsync"/> after the calls already queued to it).</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        _collector.Dispose();
        await _runtime.Catalog.CloseAsync(DeactivationReason.Shutdown);
        _runtime.Stop();
        Scheduler.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Runs the idle collector every collection quantum on the shared scheduler.</summary>
    private sealed class CollectionTimer(GrainHost host) : ITimerTarget, IDisposable
    {
        private ScheduledTimer? _next;
        private bool _disposed;

        public void Arm()
        {
            lock (this)
            {
                if (_disposed) return;
                _next = host.Scheduler.Schedule(host._runtime.Time.GetUtcNow() + host._runtime.Options.CollectionQuantum, this);
            }
        }

        public void OnDue(ScheduledTimer timer)
        {
            host.CollectIdleActivations();
            Arm();
        }

        public void Dispose()
        {
            lock (this)
            {
                _disposed = true;
                if (_next is not null) host.Scheduler.Cancel(_next);
            }
        }
    }
}

/// <summary>Registration of the grain host and grain types in dependency injection.</summary>
public static class GrainHostServiceCollectionExtensions
{
    /// <summary>Adds the grain host (singleton, also as <see cref="IGrainFactory"/>) with in-memory grain storage unless another <see cref="Storage.IGrainStorage"/> is registered.</summary>
    public static IServiceCollection AddGrainHost(this IServiceCollection services, Action<GrainHostOptions>? configure = null)
    {
        services.AddOptions<GrainHostOptions>();
        if (configure is not null) services.Configure(configure);
        services.AddLogging();
        services.TryAddSingletonTimeProvider();
        services.AddSingleton<GrainHost>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainHost>());
        services.AddSingleton(sp => sp.GetRequiredService<GrainHost>().Reminders);
        services.AddSingleton<Persistence.IPersistentStateFactory, Persistence.PersistentStateFactory>();
        if (services.All(d => d.ServiceType != typeof(Storage.IGrainStorage)))
            services.AddSingleton<Storage.IGrainStorage, Storage.InMemoryGrainStorage>();
        return services;
    }

    /// <summary>Registers grain implementation <typeparamref name="TGrain"/> for interface <typeparamref name="TInterface"/> under type name <paramref name="grainType"/>.</summary>
    public static IServiceCollection AddGrain<TInterface, TGrain>(this IServiceCollection services, string grainType)
        where TInterface : IGrainWithStringKey
        where TGrain : Grain, TInterface
    {
        services.AddSingleton(new GrainRegistration(grainType, typeof(TInterface), typeof(TGrain)));
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
