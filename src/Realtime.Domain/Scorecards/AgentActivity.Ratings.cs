using Realtime.Domain.Calendars;
using Realtime.Domain.Events;

namespace Realtime.Domain.Scorecards;

/// <summary>The manual ratings of <see cref="AgentActivity"/>: the latest value per indicator, rater and quarter.</summary>
public sealed partial class AgentActivity
{
    /// <summary>The latest value <paramref name="rater"/> gave <paramref name="indicator"/> for <paramref name="quarter"/>, or null (no data).</summary>
    public double? LatestRating(string indicator, Rater rater, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var i = FindRating(RatingSlot.Pack(quarter), indicator, rater);
        return i >= 0 ? _ratings[i].Value : null;
    }

    /// <summary>True when any rater rated any indicator for <paramref name="quarter"/> (without copying <see cref="Ratings"/>).</summary>
    public bool HasRatings(Quarter quarter)
    {
        var key = RatingSlot.Pack(quarter);
        for (var i = 0; i < _ratingCount; i++)
        {
            if (_ratings[i].Quarter == key)
            {
                return true;
            }
        }

        return false;
    }

    private bool RecordRating(FloorEvent e)
    {
        if (e.Indicator is not { } id || !ManualIndicators.TryGetValue(id, out var indicator)
            || e.Value is not { } value || !double.IsFinite(value))
        {
            return false;
        }

        var quarter = Quarter.TryParse(e.Period, out var period) ? period : _calendar.QuarterOf(e.OccurredAt);
        if (RetainedFrom is { } retained && quarter.LastDay < retained)
        {
            return false;
        }

        var rater = e.Rater ?? Rater.Supervisor;
        var i = FindRating(RatingSlot.Pack(quarter), indicator, rater);
        if (i >= 0 && _ratings[i].RatedAtUtcTicks > e.OccurredAt.UtcTicks)
        {
            return false;
        }

        Put(new RatingSlot(indicator, rater, quarter, value, e.OccurredAt));
        return true;
    }

    /// <summary>Stores <paramref name="slot"/> in order, replacing the rating with the same key.</summary>
    private void Put(RatingSlot slot)
    {
        var i = FindRating(slot.Quarter, slot.Indicator, slot.Rater);
        if (i >= 0)
        {
            _ratings[i] = slot;
            return;
        }

        i = ~i;
        if (_ratingCount == _ratings.Length)
        {
            // Ratings arrive a few per quarter: grow by a few rather than doubling.
            Array.Resize(ref _ratings, _ratingCount + Math.Max(4, _ratingCount / 4));
        }

        Array.Copy(_ratings, i, _ratings, i + 1, _ratingCount - i);
        _ratings[i] = slot;
        _ratingCount++;
    }

    /// <summary>The index of the rating with this key, or the bitwise complement of where it belongs.</summary>
    private int FindRating(int quarter, string indicator, Rater rater)
    {
        int low = 0, high = _ratingCount - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var order = _ratings[mid].CompareTo(quarter, indicator, rater);
            if (order == 0)
            {
                return mid;
            }

            if (order < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }

    private static string Canonical(string indicator) =>
        ManualIndicators.TryGetValue(indicator, out var canonical) ? canonical : indicator;

    /// <summary>
    /// A <see cref="ManualRating"/> as held in memory (32 bytes): the quarter packed into one number, the instant as
    /// UTC ticks and its offset, so the rating is written back exactly as it came.
    /// </summary>
    private readonly struct RatingSlot(string indicator, Rater rater, Quarter quarter, double value, DateTimeOffset ratedAt)
    {
        public readonly string Indicator = indicator;
        public readonly long RatedAtUtcTicks = ratedAt.UtcTicks;
        public readonly double Value = value;
        public readonly int Quarter = Pack(quarter);
        public readonly short OffsetMinutes = (short)ratedAt.TotalOffsetMinutes;
        private readonly byte _rater = (byte)rater;

        public Rater Rater => (Rater)_rater;

        public static int Pack(Quarter quarter) => quarter.Year * 4 + quarter.Number - 1;

        /// <summary>Orders by quarter, then indicator (ordinal), then rater: the order <see cref="Ratings"/> lists them in.</summary>
        public int CompareTo(int quarter, string indicator, Rater rater)
        {
            if (Quarter != quarter)
            {
                return Quarter < quarter ? -1 : 1;
            }

            var order = ReferenceEquals(Indicator, indicator) ? 0 : string.CompareOrdinal(Indicator, indicator);
            return order != 0 ? order : _rater.CompareTo((byte)rater);
        }

        public ManualRating ToRating() => new(
            Indicator,
            Rater,
            new Calendars.Quarter(Quarter / 4, Quarter % 4 + 1),
            Value,
            new DateTimeOffset(RatedAtUtcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(OffsetMinutes)));
    }
}
