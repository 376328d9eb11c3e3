using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Realtime.Domain.Calendars;

namespace Realtime.Domain.Kpis;

/// <summary>
/// A team's compact, serializable KPI history: daily counter buckets (<see cref="TeamDay"/>) in the company zone and
/// per-quarter customer sets for follow-up coverage. Which complaints are open now is not kept here: that is the state of
/// the complaints themselves (see <see cref="OpenComplaintCounts"/>), so this history stays small however many are
/// open. The team's grain feeds it complaint outcomes and the team's services, surveys and follow-ups;
/// <see cref="TeamKpis.Compute"/> reads it. Events are placed by their own timestamps.
/// <see cref="Merge"/> builds the floor-level aggregate. Not thread-safe.
/// </summary>
public sealed class TeamActivity
{
    /// <summary>The category name used for complaints opened without one.</summary>
    public const string UnspecifiedCategory = "unspecified";

    /// <summary>The most daily buckets kept; beyond it the oldest are dropped.</summary>
    public const int MaxRetainedDays = 200;

    private const int MaxCategoryLength = 64;

    private readonly DayBuckets<TeamDay> _days = new(MaxRetainedDays, date => new TeamDay(date));
    private readonly SortedList<Quarter, QuarterCustomers> _quarters = [];
    private readonly CompanyCalendar _calendar;

    /// <summary>Creates an empty history for team (or scope) <paramref name="teamId"/>.</summary>
    public TeamActivity(string teamId, CompanyCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        TeamId = teamId;
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
    }

    /// <summary>Restores a serialized history (an <c>openComplaints</c> map written by earlier versions is ignored).</summary>
    [JsonConstructor]
    public TeamActivity(
        string teamId,
        string timeZoneId,
        DateOnly? retainedFrom,
        IReadOnlyList<TeamDay>? days,
        IReadOnlyList<QuarterCustomers>? quarters)
        : this(teamId, timeZoneId == CompanyCalendar.Default.TimeZoneId ? CompanyCalendar.Default : new CompanyCalendar(timeZoneId))
    {
        _days.RetainedFrom = retainedFrom;
        foreach (var day in days ?? [])
        {
            _days.Restore(day.Date, day);
        }

        foreach (var quarter in quarters ?? [])
        {
            _quarters[quarter.Quarter] = quarter;
        }
    }

    /// <summary>The team (or <c>floor</c> for a merged aggregate).</summary>
    [JsonPropertyName("teamId")]
    public string TeamId { get; }

    /// <summary>The company zone the buckets are reckoned in.</summary>
    [JsonPropertyName("timeZoneId")]
    public string TimeZoneId => _calendar.TimeZoneId;

    /// <summary>The first local date still kept after pruning; older counter updates are ignored.</summary>
    [JsonPropertyName("retainedFrom")]
    public DateOnly? RetainedFrom => _days.RetainedFrom;

    /// <summary>The daily buckets, oldest first.</summary>
    [JsonPropertyName("days")]
    public IReadOnlyList<TeamDay> Days => [.. _days.Values];

    /// <summary>The customer sets per quarter, oldest first.</summary>
    [JsonPropertyName("quarters")]
    public IReadOnlyList<QuarterCustomers> Quarters => [.. _quarters.Values];

    /// <summary>The calendar the buckets are reckoned in.</summary>
    [JsonIgnore]
    public CompanyCalendar Calendar => _calendar;

    /// <summary>A complaint of the team was opened. Counts it (and its category), marks its customer as seen in the quarter.</summary>
    /// <remarks>Each complaint is told once (its grain remembers what it told), so nothing here deduplicates.</remarks>
    public bool ComplaintOpened(string? category, string? customerId, DateTimeOffset openedAt)
    {
        var name = NormalizeCategory(category);
        var changed = false;
        if (DayOf(openedAt) is { } day)
        {
            day.ComplaintsOpened++;
            day.OpenedByCategory[name] = day.OpenedByCategory.GetValueOrDefault(name) + 1;
            changed = true;
        }
        if (!string.IsNullOrEmpty(customerId) && CustomersOf(_calendar.QuarterOf(openedAt)) is { } customers)
        {
            changed |= customers.Seen.Add(customerId);
        }

        return changed;
    }

    /// <summary>A clock of one of the team's complaints breached at <paramref name="breachedAt"/> (each breach record is told once).</summary>
    public bool ComplaintBreached(DateTimeOffset breachedAt)
    {
        if (DayOf(breachedAt) is not { } day) return false;
        day.Breaches++;
        day.BreachesByHour[TimeZoneInfo.ConvertTime(breachedAt, _calendar.Zone).Hour]++;
        return true;
    }

    /// <summary>
    /// A complaint of the team was resolved at <paramref name="resolvedAt"/>; <paramref name="within48h"/> and
    /// <paramref name="within7d"/> say whether its resolution and quick-resolution clocks were met (paused time excluded).
    /// Counted even when the opening predates this history.
    /// </summary>
    public bool ComplaintResolved(DateTimeOffset resolvedAt, bool within48h, bool within7d)
    {
        if (DayOf(resolvedAt) is not { } day) return false;
        day.ComplaintsResolved++;
        day.ResolvedWithin48h += within48h ? 1 : 0;
        day.ResolvedWithin7d += within7d ? 1 : 0;
        return true;
    }

    /// <summary>A first response to one of the team's complaints, <paramref name="responseTime"/> after it opened.</summary>
    public bool FirstResponse(TimeSpan responseTime, DateTimeOffset respondedAt)
    {
        if (responseTime < TimeSpan.Zero || DayOf(respondedAt) is not { } day) return false;
        day.FirstResponseMillisecondsSum += (long)Math.Round(responseTime.TotalMilliseconds);
        day.FirstResponseCount++;
        return true;
    }

    /// <summary>A survey score (0–100) for one of the team's agents.</summary>
    public bool SurveySubmitted(double score, DateTimeOffset submittedAt)
    {
        if (!double.IsFinite(score) || DayOf(submittedAt) is not { } day) return false;
        day.SurveyScoreSum += score;
        day.SurveyCount++;
        return true;
    }

    /// <summary>A service handled by one of the team's agents.</summary>
    public bool ServiceHandled(DateTimeOffset handledAt, bool firstContactResolved)
    {
        if (DayOf(handledAt) is not { } day) return false;
        day.ServicesHandled++;
        day.FirstContactResolved += firstContactResolved ? 1 : 0;
        return true;
    }

    /// <summary>
    /// A follow-up visit to <paramref name="customerId"/> at <paramref name="visitedAt"/>, whose record was entered at
    /// <paramref name="enteredAt"/> (the event's <c>occurredAt</c>). The record counts on the day it was entered and as
    /// on time when entered within 24 hours of the visit; the customer counts as seen and followed up in the quarter of the visit.
    /// </summary>
    public bool FollowupCompleted(string customerId, DateTimeOffset visitedAt, DateTimeOffset enteredAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var changed = false;
        if (DayOf(enteredAt) is { } day)
        {
            day.FollowupsCompleted++;
            day.FollowupsEnteredWithin24h += enteredAt - visitedAt <= TimeSpan.FromHours(24) ? 1 : 0;
            changed = true;
        }
        if (CustomersOf(_calendar.QuarterOf(visitedAt)) is { } customers)
        {
            customers.Seen.Add(customerId);
            changed |= customers.FollowedUp.Add(customerId);
        }

        return changed;
    }

    /// <summary>Drops buckets and customer sets older than the previous quarter of <paramref name="now"/>.</summary>
    public bool Prune(DateTimeOffset now)
    {
        var keepFrom = _calendar.QuarterOf(now).Previous();
        if (_days.RetainFrom(keepFrom.FirstDay) is not { } removed)
        {
            return false;
        }

        while (_quarters.Count > 0 && _quarters.Keys[0] < keepFrom)
        {
            _quarters.RemoveAt(0);
            removed = true;
        }

        return removed;
    }

    /// <summary>The sum of the daily buckets in <paramref name="range"/> (categories included).</summary>
    public TeamDay Totals(LocalDateRange range)
    {
        var totals = new TeamDay(range.Last);
        foreach (var (date, day) in _days.Entries)
        {
            if (range.Contains(date))
            {
                totals.Add(day);
            }
        }

        return totals;
    }

    /// <summary>
    /// A copy to be read outside this history's owner while the owner goes on changing it. The customer sets are shared
    /// until the owner next adds to them (<see cref="CustomerSet.Snapshot"/>): most snapshots are taken while no new
    /// customer arrives, and copying every set for each was most of what a floor's KPI refresh allocated.
    /// </summary>
    public TeamActivity Snapshot()
    {
        var copy = new TeamActivity(TeamId, _calendar);
        copy.AddDaysOf(this);
        copy._days.RetainedFrom = _days.RetainedFrom;
        foreach (var (quarter, customers) in _quarters)
        {
            copy._quarters.Add(quarter, new QuarterCustomers(quarter, customers.Seen.Snapshot(), customers.FollowedUp.Snapshot()));
        }

        return copy;
    }

    /// <summary>The customer sets of <paramref name="quarter"/>, or null when nothing was recorded for it.</summary>
    public QuarterCustomers? CustomersIn(Quarter quarter) => _quarters.GetValueOrDefault(quarter);

    /// <summary>
    /// The aggregate of several teams (e.g. the whole floor) under id <paramref name="scopeId"/>: counters summed per day,
    /// customer sets united per quarter (a customer seen by two teams counts once).
    /// All parts must share one time zone.
    /// </summary>
    public static TeamActivity Merge(string scopeId, IEnumerable<TeamActivity> parts) => Merge(scopeId, parts, previous: null);

    /// <summary>
    /// <see cref="Merge(string, IEnumerable{TeamActivity})"/>, extending the customer sets of <paramref name="previous"/>,
    /// an earlier merge of the same teams, in place: a quarter's customers only ever join, so the earlier union and
    /// today's parts make today's union, and an aggregate merged again every second does not build a set of every
    /// customer of the floor each time. <paramref name="previous"/> must not be used afterwards.
    /// </summary>
    public static TeamActivity Merge(string scopeId, IEnumerable<TeamActivity> parts, TeamActivity? previous)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = parts as IReadOnlyCollection<TeamActivity> ?? [.. parts];
        TeamActivity? merged = null;
        foreach (var part in all)
        {
            merged ??= new TeamActivity(scopeId, part._calendar);
            if (part.TimeZoneId != merged.TimeZoneId)
            {
                throw new ArgumentException("Team activities in different time zones cannot be merged.", nameof(parts));
            }

            merged.AddDaysOf(part);
            foreach (var (quarter, customers) in part._quarters)
            {
                if (!merged._quarters.TryGetValue(quarter, out var target) && previous?._quarters.GetValueOrDefault(quarter) is { } earlier)
                {
                    merged._quarters.Add(quarter, target = earlier);
                }
                else if (target is null)
                {
                    // Sized for every part at once: growing a floor-wide set step by step re-allocates it several times.
                    var seen = all.Sum(p => p._quarters.GetValueOrDefault(quarter)?.Seen.Count ?? 0);
                    var followedUp = all.Sum(p => p._quarters.GetValueOrDefault(quarter)?.FollowedUp.Count ?? 0);
                    merged._quarters.Add(quarter, target = new QuarterCustomers(quarter, new CustomerSet(seen), new CustomerSet(followedUp)));
                }

                target.Seen.UnionWith(customers.Seen);
                target.FollowedUp.UnionWith(customers.FollowedUp);
            }

            if (part.RetainedFrom is { } retained && (merged.RetainedFrom is null || retained > merged.RetainedFrom))
            {
                merged._days.RetainedFrom = retained;
            }
        }

        return merged ?? new TeamActivity(scopeId, CompanyCalendar.Default);
    }

    private void AddDaysOf(TeamActivity part)
    {
        foreach (var (date, day) in part._days.Entries)
        {
            _days.GetOrCreate(date).Add(day);
        }
    }

    private QuarterCustomers? CustomersOf(Quarter quarter)
    {
        if (RetainedFrom is { } retained && quarter.LastDay < retained)
        {
            return null;
        }

        if (!_quarters.TryGetValue(quarter, out var customers))
        {
            _quarters.Add(quarter, customers = new QuarterCustomers(quarter, new CustomerSet(), new CustomerSet()));
        }

        return customers;
    }

    /// <summary>The bucket of the local day of <paramref name="at"/> (created when missing), or null when that day is no longer retained.</summary>
    /// <remarks>Changed by the caller in place: a closure per event was a good part of what a busy team allocated.</remarks>
    private TeamDay? DayOf(DateTimeOffset at)
    {
        ref var day = ref _days.Slot(_calendar.DateOf(at));
        return Unsafe.IsNullRef(ref day) ? null : day;
    }

    private static string NormalizeCategory(string? category) =>
        string.IsNullOrWhiteSpace(category) ? UnspecifiedCategory
        : category.Length > MaxCategoryLength ? category[..MaxCategoryLength]
        : category;
}
