namespace Realtime.Domain.Calendars;

/// <summary>
/// Counters kept per local day, oldest first, with a retention horizon: a change dated before
/// <see cref="RetainedFrom"/> is ignored, and at most <c>maxDays</c> buckets are kept even if nobody prunes (the
/// oldest go first and move the horizon). Shared by agent histories and team activity so both age the same way.
/// </summary>
/// <typeparam name="TDay">One day's counters.</typeparam>
internal sealed class DayBuckets<TDay>(int maxDays, Func<DateOnly, TDay> create)
{
    private readonly SortedList<DateOnly, TDay> _days = [];

    /// <summary>The first local date still kept; null before any pruning or trimming.</summary>
    public DateOnly? RetainedFrom { get; set; }

    /// <summary>The buckets, oldest first.</summary>
    public IList<TDay> Values => _days.Values;

    /// <summary>The buckets with their dates, oldest first.</summary>
    public IEnumerable<KeyValuePair<DateOnly, TDay>> Entries => _days;

    /// <summary>Puts back a serialized bucket.</summary>
    public void Restore(DateOnly date, TDay day) => _days[date] = day;

    /// <summary>The bucket of <paramref name="date"/>, created empty when missing (no retention rules: for merging).</summary>
    public TDay GetOrCreate(DateOnly date)
    {
        if (!_days.TryGetValue(date, out var day)) _days.Add(date, day = create(date));
        return day;
    }

    /// <summary>Applies <paramref name="change"/> to the bucket of <paramref name="date"/>; false when the date is no longer retained.</summary>
    public bool Update(DateOnly date, Action<TDay> change)
    {
        if (RetainedFrom is { } retained && date < retained) return false;
        if (!_days.TryGetValue(date, out var day))
        {
            _days.Add(date, day = create(date));
            if (_days.Count > maxDays)
            {
                // A bound on size even if nobody prunes: the oldest bucket goes and the horizon moves with it.
                _days.RemoveAt(0);
                RetainedFrom = _days.Keys[0];
                if (!_days.ContainsKey(date)) return false;
            }
        }
        change(day);
        return true;
    }

    /// <summary>Moves the horizon to <paramref name="firstDay"/>, dropping older buckets; null when it was already there or later.</summary>
    /// <returns>Whether any bucket was dropped; null when the horizon did not move.</returns>
    public bool? RetainFrom(DateOnly firstDay)
    {
        if (RetainedFrom is { } retained && retained >= firstDay) return null;
        RetainedFrom = firstDay;
        var removed = false;
        while (_days.Count > 0 && _days.Keys[0] < firstDay)
        {
            _days.RemoveAt(0);
            removed = true;
        }
        return removed;
    }
}
