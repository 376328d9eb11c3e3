using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Realtime.Actors.Timers;

namespace Realtime.Benchmarks;

/// <summary>
/// The shared <see cref="TimerScheduler"/> with a million pending entries: cost of one Schedule, one Cancel, and one
/// fire (the scheduler popping a due entry and calling its target). The clock is manual, so no OS timer interferes.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TimerSchedulerBenchmarks
{
    private const int Pending = 1_000_000;
    private const int Batch = 10_000;

    private readonly CountingTarget _target = new();
    private ManualTimeProvider _time = null!;
    private TimerScheduler _scheduler = null!;
    private DateTimeOffset[] _dueTimes = null!;
    private ScheduledTimer[] _batch = null!;

    [GlobalSetup(Targets = [nameof(ScheduleAndCancel)])]
    public void SetupPending()
    {
        _time = new ManualTimeProvider();
        _scheduler = new TimerScheduler(_time, NullLogger<TimerScheduler>.Instance);
        var random = new Random(42);
        _dueTimes = [.. Enumerable.Range(0, Pending).Select(_ => _time.Now.AddSeconds(60 + random.NextDouble() * 86_400))];
        foreach (var due in _dueTimes) _scheduler.Schedule(due, _target);
        _batch = new ScheduledTimer[Batch];
    }

    /// <summary>Schedules 10,000 entries among a million pending ones, then cancels them; one op = one Schedule + one Cancel.</summary>
    [Benchmark(OperationsPerInvoke = Batch, Description = "Schedule + Cancel, 1M pending")]
    public void ScheduleAndCancel()
    {
        for (var i = 0; i < Batch; i++) _batch[i] = _scheduler.Schedule(_dueTimes[i], _target);
        for (var i = 0; i < Batch; i++) _scheduler.Cancel(_batch[i]);
    }

    [IterationSetup(Target = nameof(FireMillion))]
    public void SetupDue()
    {
        _time = new ManualTimeProvider();
        _scheduler = new TimerScheduler(_time, NullLogger<TimerScheduler>.Instance);
        var random = new Random(42);
        for (var i = 0; i < Pending; i++) _scheduler.Schedule(_time.Now.AddSeconds(random.NextDouble() * 60), _target);
    }

    /// <summary>A minute passes and a million entries come due at once; one op = one entry popped and its target called.</summary>
    [Benchmark(OperationsPerInvoke = Pending, Description = "Fire, 1M due")]
    [InvocationCount(1)]
    public int FireMillion()
    {
        _time.Now = _time.Now.AddMinutes(1);
        _time.FireAll();
        return _target.Calls;
    }

    private sealed class CountingTarget : ITimerTarget
    {
        public int Calls;

        public void OnDue(ScheduledTimer timer) => Calls++;
    }
}
