namespace Realtime.Server.Live;

/// <summary>
/// One scope's last alerts, oldest overwritten first. Thread-safe: pushes are recorded from grain turns on any thread
/// while boards read. An alert already held (same <see cref="AlertKey"/>) is not held twice.
/// </summary>
internal sealed class AlertRing(int capacity)
{
    private readonly Lock _lock = new();
    // A slot keeps the alert and its key's hash, not the key: a floor holds 40 alerts per scope, and the key's strings
    // were a fifth of each. A matching hash is confirmed from the alert's own payload.
    private readonly (int KeyHash, RecentAlert Alert)[] _slots = new (int, RecentAlert)[capacity];
    private int _next;
    private int _count;

    /// <summary>Holds <paramref name="alert"/> unless an alert with <paramref name="key"/> is held already; false then.</summary>
    public bool Add(in AlertKey key, RecentAlert alert)
    {
        var hash = key.GetHashCode();
        lock (_lock)
        {
            // A linear look over a few dozen hashes: cheaper than a set kept beside the ring, and alerts are rare next to state pushes.
            for (var i = 0; i < _count; i++)
            {
                if (_slots[i].KeyHash == hash && AlertKey.Read(_slots[i].Alert.Kind, _slots[i].Alert.Payload.Span) == key) return false;
            }
            _slots[_next] = (hash, alert);
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
