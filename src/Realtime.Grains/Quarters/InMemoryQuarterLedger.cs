using System.Collections.Concurrent;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;

namespace Realtime.Grains.Quarters;

/// <summary>
/// What quarter close needs to know about in-memory ingest: the quarters events fell in, the highest sequence, and
/// events that arrive for a quarter after it closed. Fed by <see cref="LateEventCountingJournal"/>.
/// </summary>
public sealed class InMemoryQuarterLedger(CompanyCalendar calendar)
{
    private readonly ConcurrentDictionary<Quarter, byte> _quarters = new();
    private readonly ConcurrentDictionary<Quarter, long> _late = new();
    private readonly ConcurrentDictionary<Quarter, long> _closedThrough = new();
    private long _highWater;

    /// <summary>The highest sequence appended.</summary>
    public long HighWater => Interlocked.Read(ref _highWater);

    /// <summary>Quarters with at least one event.</summary>
    public IEnumerable<Quarter> Quarters => _quarters.Keys;

    /// <summary>Records appended events.</summary>
    public void Appended(IReadOnlyList<FloorEvent> accepted)
    {
        foreach (var e in accepted)
        {
            var quarter = calendar.QuarterOf(e.OccurredAt);
            _quarters.TryAdd(quarter, 0);
            if (_closedThrough.TryGetValue(quarter, out var through) && e.Sequence > through) _late.AddOrUpdate(quarter, 1, (_, n) => n + 1);
            long seen;
            while ((seen = Interlocked.Read(ref _highWater)) < e.Sequence && Interlocked.CompareExchange(ref _highWater, e.Sequence, seen) != seen)
            {
            }
        }
    }

    /// <summary>From now on, events of <paramref name="quarter"/> after <paramref name="throughSequence"/> are counted as late.</summary>
    public void Closed(Quarter quarter, long throughSequence) => _closedThrough.TryAdd(quarter, throughSequence);

    /// <summary>Late events of <paramref name="quarter"/> counted so far.</summary>
    public long LateEvents(Quarter quarter) => _late.GetValueOrDefault(quarter);
}
