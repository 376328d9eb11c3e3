using Microsoft.Extensions.DependencyInjection;
using Realtime.Actors.Hosting;
using Realtime.Testing;

namespace Realtime.Actors.Tests;

/// <summary>A grain host on a fake clock with every test grain registered, plus the journal the grains write to.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TestHost(Action<GrainHostOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Journal);
        services.AddSingleton(Controls);
        services.AddGrainHost(options =>
        {
            options.CollectionAge = TimeSpan.FromMinutes(10);
            options.CollectionQuantum = TimeSpan.FromMinutes(1);
            configure?.Invoke(options);
        });
        services.AddGrain<ITurnGrain, TurnGrain>("turn");
        services.AddGrain<ITimerGrain, TimerGrain>("timer");
        services.AddGrain<IReminderGrain, ReminderGrain>("reminder");
        services.AddGrain<ICounterGrain, CounterGrain>("counter");
        services.AddGrain<IFlakyGrain, FlakyGrain>("flaky");
        _services = services.BuildServiceProvider();
        Host = _services.GetRequiredService<GrainHost>();
        Storage = (Storage.InMemoryGrainStorage)_services.GetRequiredService<Storage.IGrainStorage>();
    }

    public Storage.InMemoryGrainStorage Storage { get; }

    public FakeTimeProvider Time { get; } = new();

    public GrainJournal Journal { get; } = new();

    public GrainControls Controls { get; } = new();

    public GrainHost Host { get; }

    public T Grain<T>(string key) where T : IGrainWithStringKey => Host.GetGrain<T>(key);

    public GrainId Id<T>(string key) where T : IGrainWithStringKey => Host.IdOf<T>(key);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await _services.DisposeAsync();
    }
}

/// <summary>What grains did, in order; tests wait on it instead of sleeping.</summary>
internal sealed class GrainJournal
{
    private readonly object _gate = new();
    private readonly List<string> _entries = [];
    private readonly List<(Func<IReadOnlyList<string>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public void Record(string entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(w => w.Condition(_entries)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    public IReadOnlyList<string> Entries
    {
        get { lock (_gate) return [.. _entries]; }
    }

    public int CountOf(string entry)
    {
        lock (_gate) return _entries.Count(e => e == entry);
    }

    /// <summary>Completes once <paramref name="entry"/> has been recorded <paramref name="times"/> times; fails after 10 s.</summary>
    public Task WaitFor(string entry, int times = 1) => WaitUntil(all => all.Count(e => e == entry) >= times, $"'{entry}' x{times}");

    public async Task WaitUntil(Func<IReadOnlyList<string>, bool> condition, string what)
    {
        TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_entries)) return;
            _waiters.Add((condition, done));
        }
        try
        {
            await done.Task.WaitAsync(Eventually.Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Gave up waiting for {what}; journal: {string.Join(", ", Entries)}");
        }
    }
}

/// <summary>Levers tests pull from outside: failing activations, and gates that hold a turn open.</summary>
internal sealed class GrainControls
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private int _failures;

    public void FailNextActivations(int count) => Volatile.Write(ref _failures, count);

    public bool ShouldFailActivation() => Interlocked.Decrement(ref _failures) >= 0;

    public bool FailDeactivation { get; set; }

    /// <summary>OnDeactivateAsync waits at the gate <c>deactivation:{grain id}</c> (a last write to slow storage).</summary>
    public bool HoldDeactivation { get; set; }

    public Task Gate(string name) => _gates.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Open(string name) => _gates.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
