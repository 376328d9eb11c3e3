using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Realtime.Grains.Deadlines;

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

    [GlobalSetup(Target = nameof(ScheduleAndCancel))]
    public void SetupPending()
    {
        _dueTimes ??= MakeDueTimes();
        _time = new ManualTimeProvider();
        _scheduler = new TimerScheduler(_time, NullLogger<TimerScheduler>.Instance);
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

    private static DateTimeOffset[] MakeDueTimes()
    {
        var random = new Random(42);
        var start = new ManualTimeProvider().Now;
        return [.. Enumerable.Range(0, Pending).Select(_ => start.AddSeconds(60 + random.NextDouble() * 86_400))];
    }

    [IterationSetup(Targets = [nameof(Schedule), nameof(Cancel)])]
    public void SetupMillionPending()
    {
        SetupPending();
        for (var i = 0; i < Batch; i++) _batch[i] = _scheduler.Schedule(_dueTimes[i], _target);
    }

    /// <summary>Schedules 10,000 more entries into a heap of a million; one op = one Schedule.</summary>
    [Benchmark(OperationsPerInvoke = Batch, Description = "Schedule, 1M pending")]
    [InvocationCount(1)]
    public void Schedule()
    {
        for (var i = 0; i < Batch; i++) _scheduler.Schedule(_dueTimes[Pending - 1 - i], _target);
    }

    /// <summary>
    /// Cancels 10,000 of a million pending entries; one op = one Cancel. Cancelling only marks the entry; the heap drops it
    /// when it surfaces, or rebuilds itself once cancelled entries outnumber live ones (that cost shows in Schedule + Cancel).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch, Description = "Cancel, 1M pending")]
    [InvocationCount(1)]
    public void Cancel()
    {
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
