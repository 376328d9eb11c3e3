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
public sealed class AgentActivity
{
    /// <summary>The most daily buckets kept; beyond it the oldest are dropped (two quarters are at most 184 days).</summary>
    public const int MaxRetainedDays = 200;

    private readonly DayBuckets<AgentDay> _days = new(MaxRetainedDays, date => new AgentDay(date));
    private readonly Dictionary<(string Indicator, Rater Rater, Quarter Quarter), ManualRating> _ratings = [];
    private CompanyCalendar _calendar;

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
        foreach (var day in days ?? [])
        {
            _days.Restore(day.Date, day);
        }

        foreach (var rating in ratings ?? [])
        {
            _ratings[(rating.Indicator, rating.Rater, rating.Quarter)] = rating;
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

    /// <summary>The daily buckets, oldest first.</summary>
    [JsonPropertyName("days")]
    public IReadOnlyList<AgentDay> Days => [.. _days.Values];

    /// <summary>The latest rating per indicator, rater and quarter.</summary>
    [JsonPropertyName("ratings")]
    public IReadOnlyList<ManualRating> Ratings => [.. _ratings.Values.OrderBy(r => r.Quarter).ThenBy(r => r.Indicator, StringComparer.Ordinal).ThenBy(r => r.Rater)];

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
                return Update(e.OccurredAt, day =>
                {
                    day.ServicesHandled++;
                    if (e.FirstContactResolved == true)
                    {
                        day.FirstContactResolved++;
                    }

                    if (e.ResponseSeconds is { } seconds && double.IsFinite(seconds) && seconds >= 0)
                    {
                        AddResponse(day, TimeSpan.FromSeconds(seconds));
                    }
                });
            case EventType.SurveySubmitted when e.Score is { } score && double.IsFinite(score):
                return Update(e.OccurredAt, day =>
                {
                    day.SurveyScoreSum += score;
                    day.SurveyCount++;
                });
            case EventType.PraiseReceived:
                return Update(e.OccurredAt, day => day.Praises++);
            case EventType.FollowupCompleted:
                return Update(e.OccurredAt, day =>
                {
                    day.FollowupsCompleted++;
                    if (e.VisitedAt is { } visited && e.OccurredAt - visited <= TimeSpan.FromHours(24))
                    {
                        day.FollowupsEnteredWithin24h++;
                    }
                });
            case EventType.AgentRated:
                return RecordRating(e);
            default:
                return false;
        }
    }

    /// <summary>Counts a complaint about this agent (its <c>aboutAgentId</c>), opened at <paramref name="openedAt"/>.</summary>
    /// <returns>False when the instant is before <see cref="RetainedFrom"/>.</returns>
    public bool RecordComplaintAbout(DateTimeOffset openedAt) => Update(openedAt, day => day.ComplaintsAbout++);

    /// <summary>Counts this agent's first response to a complaint, made at <paramref name="respondedAt"/>,
    /// <paramref name="responseTime"/> after the complaint was opened.</summary>
    /// <returns>False when the instant is before <see cref="RetainedFrom"/> or the time is negative.</returns>
    public bool RecordFirstResponse(DateTimeOffset respondedAt, TimeSpan responseTime) =>
        responseTime >= TimeSpan.Zero && Update(respondedAt, day => AddResponse(day, responseTime));

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

        foreach (var key in _ratings.Keys.Where(k => k.Quarter < keepFrom).ToArray())
        {
            removed |= _ratings.Remove(key);
        }

        return removed;
    }

    /// <summary>The sum of the daily buckets in <paramref name="range"/>.</summary>
    public AgentTotals Totals(LocalDateRange range)
    {
        var totals = new AgentTotals();
        foreach (var (date, day) in _days.Entries)
        {
            if (range.Contains(date))
            {
                totals.Add(day);
            }
        }

        return totals;
    }

    /// <summary>The latest value <paramref name="rater"/> gave <paramref name="indicator"/> for <paramref name="quarter"/>, or null (no data).</summary>
    public double? LatestRating(string indicator, Rater rater, Quarter quarter) =>
        _ratings.TryGetValue((indicator, rater, quarter), out var rating) ? rating.Value : null;

    private bool RecordRating(FloorEvent e)
    {
        if (e.Indicator is not { } indicator || !RubricDefaults.ManualIndicatorIds.Contains(indicator)
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
        var key = (indicator, rater, quarter);
        if (_ratings.TryGetValue(key, out var existing) && existing.RatedAt > e.OccurredAt)
        {
            return false;
        }

        _ratings[key] = new ManualRating(indicator, rater, quarter, value, e.OccurredAt);
        return true;
    }

    private bool Update(DateTimeOffset at, Action<AgentDay> change) => _days.Update(_calendar.DateOf(at), change);

    private static void AddResponse(AgentDay day, TimeSpan responseTime)
    {
        day.ResponseMillisecondsSum += (long)Math.Round(responseTime.TotalMilliseconds);
        day.ResponseCount++;
    }

    private static CompanyCalendar ResolveCalendar(string timeZoneId) =>
        timeZoneId == CompanyCalendar.Default.TimeZoneId ? CompanyCalendar.Default : new CompanyCalendar(timeZoneId);
}
