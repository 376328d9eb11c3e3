namespace Realtime.Server.Live;

/// <summary>
/// One scope's last alerts, oldest overwritten first. Thread-safe: pushes are recorded from grain turns on any thread
/// while boards read. An alert already held (same <see cref="AlertKey"/>) is not held twice.
/// </summary>
internal sealed class AlertRing(int capacity)
{
    private readonly Lock _lock = new();
    private readonly (AlertKey Key, RecentAlert Alert)[] _slots = new (AlertKey, RecentAlert)[capacity];
    private int _next;
    private int _count;

    /// <summary>Holds <paramref name="alert"/> unless an alert with <paramref name="key"/> is held already; false then.</summary>
    public bool Add(in AlertKey key, RecentAlert alert)
    {
        lock (_lock)
        {
            // A linear look over a few dozen keys: cheaper than a set kept beside the ring, and alerts are rare next to state pushes.
            for (var i = 0; i < _count; i++)
            {
                if (_slots[i].Key == key) return false;
            }
            _slots[_next] = (key, alert);
            _next = (_next + 1) % _slots.Length;
            if (_count < _slots.Length) _count++;
            return true;
        }
    }

    /// <summary>The newest <paramref name="limit"/> alerts held, newest first.</summary>
    public List<RecentAlert> Newest(int limit)
    {
        lock (_lock)
        {
            var taken = new List<RecentAlert>(Math.Min(limit, _count));
            for (var i = 1; i <= _count && taken.Count < limit; i++)
                taken.Add(_slots[(_next - i + _slots.Length) % _slots.Length].Alert);
            return taken;
        }
    }
}
