using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;

namespace Realtime.Domain.Scorecards;

/// <summary>
/// One agent's compact, serializable history for the scorecard: live counters in daily buckets
/// (<see cref="AgentDay"/>, local dates of the company calendar) and the latest manual rating per
/// indicator, rater and quarter. Events are placed by their own <c>occurredAt</c>, so late and
/// out-of-order events land in their own day. History is bounded: <see cref="Prune"/> keeps the
/// current and previous quarter, and at most <see cref="MaxRetainedDays"/> buckets are ever kept.
/// Not thread-safe (owned by the agent's grain).
/// </summary>
/// <remarks>
/// Held in memory as arrays of small structs (48 bytes a day, 32 bytes a rating) rather than an object per
/// day and a dictionary of rating records: an agent grain stays activated for months and there are tens of
/// thousands of them, so their size per agent is what decides how many fit on a server.
/// </remarks>
public sealed partial class AgentActivity
{
    /// <summary>The most daily buckets kept; beyond it the oldest are dropped (two quarters are at most 184 days).</summary>
    public const int MaxRetainedDays = 200;

    private static readonly TimeSpan FollowupRecordDeadline = TimeSpan.FromHours(24);

    // The canonical instances of the manual indicator ids: ratings point at these instead of holding the
    // copy each deserialized event or stored state brings along.
    private static readonly HashSet<string> ManualIndicators = new(RubricDefaults.ManualIndicatorIds, StringComparer.Ordinal);

    private readonly DayBuckets<AgentCounters> _days = new(MaxRetainedDays, static _ => default);
    private RatingSlot[] _ratings = [];
    private int _ratingCount;
    private readonly CompanyCalendar _calendar;

    /// <summary>Creates an empty history for <paramref name="agentId"/> reckoned in <paramref name="calendar"/>'s zone.</summary>
    public AgentActivity(string agentId, CompanyCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        AgentId = agentId;
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
    }

    /// <summary>Restores a serialized history.</summary>
    [JsonConstructor]
    public AgentActivity(string agentId, string timeZoneId, DateOnly? retainedFrom, IReadOnlyList<AgentDay>? days, IReadOnlyList<ManualRating>? ratings)
        : this(agentId, ResolveCalendar(timeZoneId))
    {
        _days.RetainedFrom = retainedFrom;
        if (days is not null)
        {
            _days.EnsureCapacity(days.Count);
            foreach (var day in days)
            {
                _days.Restore(day.Date, day.Counters);
            }
        }

        if (ratings is not null)
        {
            _ratings = new RatingSlot[ratings.Count];
            foreach (var rating in ratings)
            {
                Put(new RatingSlot(Canonical(rating.Indicator), rating.Rater, rating.Quarter, rating.Value, rating.RatedAt));
            }
        }
    }

    /// <summary>The agent.</summary>
    [JsonPropertyName("agentId")]
    public string AgentId { get; }

    /// <summary>The company zone the daily buckets are reckoned in.</summary>
    [JsonPropertyName("timeZoneId")]
    public string TimeZoneId => _calendar.TimeZoneId;

    /// <summary>The first local date still kept after pruning; older events are ignored. Null before any pruning.</summary>
    [JsonPropertyName("retainedFrom")]
    public DateOnly? RetainedFrom => _days.RetainedFrom;

    /// <summary>The daily buckets, oldest first (a copy).</summary>
    [JsonPropertyName("days")]
    public IReadOnlyList<AgentDay> Days
    {
        get
        {
            var dates = _days.Dates;
            var counters = _days.Days;
            var result = new AgentDay[dates.Length];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = new AgentDay(dates[i], counters[i]);
            }

            return result;
        }
    }

    /// <summary>The latest rating per indicator, rater and quarter, ordered by quarter, indicator and rater (a copy).</summary>
    [JsonPropertyName("ratings")]
    public IReadOnlyList<ManualRating> Ratings
    {
        get
        {
            var result = new ManualRating[_ratingCount];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = _ratings[i].ToRating();
            }

            return result;
        }
    }

    /// <summary>The calendar the buckets are reckoned in.</summary>
    [JsonIgnore]
    public CompanyCalendar Calendar => _calendar;

    /// <summary>
    /// Applies an event of this agent: <c>service.handled</c>, <c>survey.submitted</c>, <c>praise.received</c>,
    /// <c>followup.completed</c> or <c>agent.rated</c>. Complaint events go through <see cref="RecordComplaintAbout"/>
    /// and <see cref="RecordFirstResponse"/>. An <c>agent.rated</c> rating is for the quarter named by its <c>period</c>
    /// when that is a quarter like <c>2026Q3</c>, else for the quarter of its <c>occurredAt</c>.
    /// </summary>
    /// <returns>True when the event changed the history; false for other types, other agents, unknown manual
    /// indicators, missing fields, events before <see cref="RetainedFrom"/> and superseded ratings.</returns>
    public bool Record(FloorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.AgentId != AgentId)
        {
            return false;
        }

        switch (e.Type)
        {
            case EventType.ServiceHandled:
                {
                    ref var day = ref DayOf(e.OccurredAt);
                    if (Unsafe.IsNullRef(ref day))
                    {
                        return false;
                    }

                    day.ServicesHandled++;
                    if (e.FirstContactResolved == true)
                    {
                        day.FirstContactResolved++;
                    }

                    if (e.ResponseSeconds is { } seconds && double.IsFinite(seconds) && seconds >= 0)
                    {
                        AddResponse(ref day, TimeSpan.FromSeconds(seconds));
                    }

                    return true;
                }

            case EventType.SurveySubmitted when e.Score is { } score && double.IsFinite(score):
                {
                    ref var day = ref DayOf(e.OccurredAt);
                    if (Unsafe.IsNullRef(ref day))
                    {
                        return false;
                    }

                    day.SurveyScoreSum += score;
                    day.SurveyCount++;
                    return true;
                }

            case EventType.PraiseReceived:
                {
                    ref var day = ref DayOf(e.OccurredAt);
                    if (Unsafe.IsNullRef(ref day))
                    {
                        return false;
                    }

                    day.Praises++;
                    return true;
                }

            case EventType.FollowupCompleted:
                {
                    ref var day = ref DayOf(e.OccurredAt);
                    if (Unsafe.IsNullRef(ref day))
                    {
                        return false;
                    }

                    day.FollowupsCompleted++;
                    if (e.VisitedAt is { } visited && e.OccurredAt - visited <= FollowupRecordDeadline)
                    {
                        day.FollowupsEnteredWithin24h++;
                    }

                    return true;
                }

            case EventType.AgentRated:
                return RecordRating(e);
            default:
                return false;
        }
    }

    /// <summary>Counts a complaint about this agent (its <c>aboutAgentId</c>), opened at <paramref name="openedAt"/>.</summary>
    /// <returns>False when the instant is before <see cref="RetainedFrom"/>.</returns>
    public bool RecordComplaintAbout(DateTimeOffset openedAt)
    {
        ref var day = ref DayOf(openedAt);
        if (Unsafe.IsNullRef(ref day))
        {
            return false;
        }

        day.ComplaintsAbout++;
        return true;
    }

    /// <summary>Counts this agent's first response to a complaint, made at <paramref name="respondedAt"/>,
    /// <paramref name="responseTime"/> after the complaint was opened.</summary>
    /// <returns>False when the instant is before <see cref="RetainedFrom"/> or the time is negative.</returns>
    public bool RecordFirstResponse(DateTimeOffset respondedAt, TimeSpan responseTime)
    {
        if (responseTime < TimeSpan.Zero)
        {
            return false;
        }

        ref var day = ref DayOf(respondedAt);
        if (Unsafe.IsNullRef(ref day))
        {
            return false;
        }

        AddResponse(ref day, responseTime);
        return true;
    }

    /// <summary>
    /// Drops history older than the previous quarter of <paramref name="now"/> (buckets and ratings), so the
    /// current and previous quarter stay available for rolling windows and quarter close.
    /// </summary>
    /// <returns>True when anything was dropped.</returns>
    public bool Prune(DateTimeOffset now)
    {
        var keepFrom = _calendar.QuarterOf(now).Previous();
        if (_days.RetainFrom(keepFrom.FirstDay) is not { } removed)
        {
            return false;
        }

        // Ratings are ordered by quarter first, so the ones to drop are a prefix.
        var keepFromKey = RatingSlot.Pack(keepFrom);
        var drop = 0;
        while (drop < _ratingCount && _ratings[drop].Quarter < keepFromKey)
        {
            drop++;
        }

        if (drop > 0)
        {
            _ratingCount -= drop;
            Array.Copy(_ratings, drop, _ratings, 0, _ratingCount);
            Array.Clear(_ratings, _ratingCount, drop);
            removed = true;
        }

        return removed;
    }

    /// <summary>The sum of the daily buckets in <paramref name="range"/>.</summary>
    public AgentTotals Totals(LocalDateRange range)
    {
        var totals = new AgentTotals();
        foreach (ref readonly var day in _days.Within(range.First, range.Last))
        {
            totals.Add(day);
        }

        return totals;
    }

    private ref AgentCounters DayOf(DateTimeOffset at) => ref _days.Slot(_calendar.DateOf(at));

    private static void AddResponse(ref AgentCounters day, TimeSpan responseTime)
    {
        day.ResponseMillisecondsSum += (long)Math.Round(responseTime.TotalMilliseconds);
        day.ResponseCount++;
    }

    private static CompanyCalendar ResolveCalendar(string timeZoneId) =>
        timeZoneId == CompanyCalendar.Default.TimeZoneId ? CompanyCalendar.Default : new CompanyCalendar(timeZoneId);
}
