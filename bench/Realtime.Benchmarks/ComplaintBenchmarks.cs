using BenchmarkDotNet.Attributes;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;

namespace Realtime.Benchmarks;

/// <summary>
/// Domain cost of one complaint event: applying it (events are placed by their own time), computing the view, and
/// finding the next deadline — what a complaint grain does per turn, without the host.
/// </summary>
[MemoryDiagnoser]
public class ComplaintBenchmarks
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private FloorEvent[] _life = [];

    [GlobalSetup]
    public void Setup() => _life =
    [
        Event(EventType.ComplaintOpened, 0) with { TeamId = "T1", AgentId = "A1", CustomerName = "张三", CustomerPhone = "13812341234" },
        Event(EventType.ComplaintResponded, 90) with { AgentId = "A1" },
        Event(EventType.ComplaintPaused, 600),
        Event(EventType.ComplaintResumed, 1800),
        Event(EventType.ComplaintAssigned, 2400) with { AgentId = "A2" },
        Event(EventType.ComplaintResolved, 7200) with { AgentId = "A2" },
    ];

    /// <summary>A whole complaint life: six events, each followed by Advance and NextDueAt as the grain does.</summary>
    [Benchmark(OperationsPerInvoke = 6)]
    public DateTimeOffset? ApplyEvent()
    {
        var complaint = Complaint.Create("C-1", SlaPolicy.Default);
        DateTimeOffset? next = null;
        foreach (var e in _life)
        {
            complaint.Apply(e);
            complaint.Advance(e.OccurredAt);
            next = complaint.NextDueAt();
        }
        return next;
    }

    /// <summary>The view pushed and served after a change (three clocks, masked customer data).</summary>
    [Benchmark]
    public ComplaintView View()
    {
        var complaint = Complaint.Create("C-1", SlaPolicy.Default);
        complaint.Apply(_life[0]);
        return complaint.View(Opened.AddMinutes(1));
    }

    private static FloorEvent Event(EventType type, int seconds) =>
        new() { Id = $"e-{type}-{seconds}", Type = type, OccurredAt = Opened.AddSeconds(seconds), ComplaintId = "C-1" };
}
