using System.Runtime.CompilerServices;

namespace Realtime.Domain.Calendars;

/// <summary>
/// Counters kept per local day, oldest first, with a retention horizon: a change dated before
/// <see cref="RetainedFrom"/> is ignored, and at most <c>maxDays</c> buckets are kept even if nobody prunes (the
/// oldest go first and move the horizon). Shared by agent histories and team activity so both age the same way.
/// </summary>
/// <remarks>
/// Stored as two parallel arrays (dates and days) rather than a sorted map of objects, so a struct
/// <typeparamref name="TDay"/> costs its own size per day and nothing more; use <see cref="Slot"/> to change one in place.
/// Arrays grow by a quarter (not double) because a history grows by one bucket a day and is held for months.
/// </remarks>
/// <typeparam name="TDay">One day's counters.</typeparam>
internal sealed class DayBuckets<TDay>(int maxDays, Func<DateOnly, TDay> create)
{
    private DateOnly[] _dates = [];
    private TDay[] _days = [];
    private int _count;

    /// <summary>The first local date still kept; null before any pruning or trimming.</summary>
    public DateOnly? RetainedFrom { get; set; }

    /// <summary>How many buckets are kept.</summary>
    public int Count => _count;

    /// <summary>The buckets, oldest first (a view: copy it before changing the buckets).</summary>
    public IList<TDay> Values => new ArraySegment<TDay>(_days, 0, _count);

    /// <summary>The buckets with their dates, oldest first.</summary>
    public IEnumerable<KeyValuePair<DateOnly, TDay>> Entries
    {
        get
        {
            for (var i = 0; i < _count; i++) yield return new(_dates[i], _days[i]);
        }
    }

    /// <summary>The dates of the buckets, oldest first (parallel to <see cref="Days"/>).</summary>
    public ReadOnlySpan<DateOnly> Dates => _dates.AsSpan(0, _count);

    /// <summary>The buckets, oldest first (parallel to <see cref="Dates"/>).</summary>
    public ReadOnlySpan<TDay> Days => _days.AsSpan(0, _count);

    /// <summary>The buckets dated <paramref name="first"/> to <paramref name="last"/> (inclusive), oldest first.</summary>
    public ReadOnlySpan<TDay> Within(DateOnly first, DateOnly last)
    {
        var start = LowerBound(first);
        var end = last == DateOnly.MaxValue ? _count : LowerBound(last.AddDays(1));
        return end > start ? _days.AsSpan(start, end - start) : [];
    }

    /// <summary>Makes room for <paramref name="capacity"/> buckets (before restoring a stored history of known length).</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _days.Length) Resize(capacity);
    }

    /// <summary>Puts back a serialized bucket.</summary>
    public void Restore(DateOnly date, TDay day)
    {
        var i = IndexOf(date);
        if (i < 0) Insert(i = ~i, date);
        _days[i] = day;
    }

    /// <summary>The bucket of <paramref name="date"/>, created empty when missing (no retention rules: for merging).</summary>
    public TDay GetOrCreate(DateOnly date)
    {
        var i = IndexOf(date);
        if (i < 0)
        {
            Insert(i = ~i, date);
            _days[i] = create(date);
        }
        return _days[i];
    }

    /// <summary>
    /// The bucket of <paramref name="date"/> to change in place, created when missing; a null reference
    /// (<see cref="Unsafe.IsNullRef{T}(ref readonly T)"/>) when the date is no longer retained. Valid until the next change of the buckets.
    /// </summary>
    public ref TDay Slot(DateOnly date)
    {
        if (RetainedFrom is { } retained && date < retained) return ref Unsafe.NullRef<TDay>();
        var i = IndexOf(date);
        if (i >= 0) return ref _days[i];
        i = ~i;
        if (_count >= maxDays)
        {
            // A bound on size even if nobody prunes: the oldest bucket goes and the horizon moves with it.
            if (i == 0)
            {
                RetainedFrom = _dates[0];
                return ref Unsafe.NullRef<TDay>();
            }
            // Drop the oldest and insert in one move: everything before the insertion point shifts down by one.
            i--;
            Array.Copy(_dates, 1, _dates, 0, i);
            Array.Copy(_days, 1, _days, 0, i);
            RetainedFrom = i == 0 ? date : _dates[0];
        }
        else
        {
            Insert(i, date);
        }
        _dates[i] = date;
        _days[i] = create(date);
        return ref _days[i];
    }

    /// <summary>Moves the horizon to <paramref name="firstDay"/>, dropping older buckets; null when it was already there or later.</summary>
    /// <returns>Whether any bucket was dropped; null when the horizon did not move.</returns>
    public bool? RetainFrom(DateOnly firstDay)
    {
        if (RetainedFrom is { } retained && retained >= firstDay) return null;
        RetainedFrom = firstDay;
        var removed = LowerBound(firstDay);
        if (removed == 0) return false;
        _count -= removed;
        Array.Copy(_dates, removed, _dates, 0, _count);
        Array.Copy(_days, removed, _days, 0, _count);
        // Dropped reference-type days must not stay reachable from the unused tail.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TDay>()) Array.Clear(_days, _count, removed);
        return true;
    }

    /// <summary>The index of <paramref name="date"/>, or the bitwise complement of where it would be inserted.</summary>
    private int IndexOf(DateOnly date)
    {
        // Events mostly arrive for the newest day: check it before searching.
        if (_count > 0)
        {
            var newest = _dates[_count - 1];
            if (date == newest) return _count - 1;
            if (date > newest) return ~_count;
        }
        var i = LowerBound(date);
        return i < _count && _dates[i] == date ? i : ~i;
    }

    /// <summary>The index of the first bucket dated on or after <paramref name="date"/> (<see cref="Count"/> when none).</summary>
    private int LowerBound(DateOnly date)
    {
        int low = 0, high = _count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_dates[mid] < date) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private void Insert(int index, DateOnly date)
    {
        if (_count == _days.Length) Resize(Math.Max(_count + 1, Math.Min(maxDays, Math.Max(8, _count + _count / 4))));
        Array.Copy(_dates, index, _dates, index + 1, _count - index);
        Array.Copy(_days, index, _days, index + 1, _count - index);
        _dates[index] = date;
        _count++;
    }

    private void Resize(int capacity)
    {
        Array.Resize(ref _dates, capacity);
        Array.Resize(ref _days, capacity);
    }
}
