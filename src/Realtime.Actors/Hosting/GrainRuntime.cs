using Microsoft.Extensions.Logging;
using Realtime.Actors.Timers;

namespace Realtime.Actors.Hosting;

/// <summary>The registered grain types, by interface and by type name.</summary>
internal sealed class GrainRegistry
{
    private readonly Dictionary<Type, GrainRegistration> _byInterface;
    private readonly Dictionary<string, GrainRegistration> _byType;

    public GrainRegistry(IEnumerable<GrainRegistration> registrations)
    {
        var all = registrations.ToList();
        _byInterface = all.ToDictionary(r => r.Interface);
        _byType = all.ToDictionary(r => r.GrainType, StringComparer.Ordinal);
    }

    public GrainRegistration ByInterface(Type type) =>
        _byInterface.TryGetValue(type, out var r) ? r : throw new InvalidOperationException($"No grain implements {type.Name}; register it with AddGrain.");

    public GrainRegistration ByType(string type) =>
        _byType.TryGetValue(type, out var r) ? r : throw new InvalidOperationException($"No grain type '{type}' is registered.");
}

/// <summary>What every activation shares: clock, scheduler, catalog, services, options and log.</summary>
internal sealed class GrainRuntime
{
    private readonly CancellationTokenSource _stopping = new();

    public GrainRuntime(IServiceProvider services, GrainRegistry registrations, GrainHostOptions options, TimeProvider time, TimerScheduler scheduler, ILogger log)
    {
        Services = services;
        Registrations = registrations;
        Options = options;
        Time = time;
        Scheduler = scheduler;
        Log = log;
        Catalog = new Catalog(this);
    }

    public IServiceProvider Services { get; }
    public GrainRegistry Registrations { get; }
    public GrainHostOptions Options { get; }
    public TimeProvider Time { get; }
    public TimerScheduler Scheduler { get; }
    public ILogger Log { get; }
    public Catalog Catalog { get; }
    public IGrainFactory Factory { get; set; } = null!;
    public CancellationToken Stopping => _stopping.Token;

    public void Stop() => _stopping.Cancel();
}
