using System.Text.Json.Serialization;

namespace Realtime.Domain.Kpis;

/// <summary>
/// A team's KPI counters for one local date of the company calendar (a daily bucket of <see cref="TeamActivity"/>).
/// Serialized as a compact array <c>["2026-11-02", opened, resolved, resolvedWithin48h, resolvedWithin7d, breaches,
/// firstResponseMillisecondsSum, firstResponseCount, surveyScoreSum, surveyCount, followupsCompleted,
/// followupsEnteredWithin24h, servicesHandled, firstContactResolved, {category: opened}, [breaches per local hour 0–23]]</c>;
/// the category object and the hour array are written only when they hold something, so older states read unchanged.
/// </summary>
[JsonConverter(typeof(TeamDayJsonConverter))]
public sealed class TeamDay
{
    /// <summary>Creates an empty bucket for <paramref name="date"/>.</summary>
    public TeamDay(DateOnly date) => Date = date;

    /// <summary>The local date.</summary>
    public DateOnly Date { get; }
    /// <summary>Complaints opened.</summary>
    public int ComplaintsOpened { get; internal set; }
    /// <summary>Complaints resolved (a complaint resolved again after a reopen counts again).</summary>
    public int ComplaintsResolved { get; internal set; }
    /// <summary>Resolutions within the 48-hour resolution target.</summary>
    public int ResolvedWithin48h { get; internal set; }
    /// <summary>Resolutions within the 7-day quick-resolution target.</summary>
    public int ResolvedWithin7d { get; internal set; }
    /// <summary>Clock breaches (each clock of each complaint once).</summary>
    public int Breaches { get; internal set; }
    /// <summary>Sum of first-response times, milliseconds.</summary>
    public long FirstResponseMillisecondsSum { get; internal set; }
    /// <summary>Number of first responses.</summary>
    public int FirstResponseCount { get; internal set; }
    /// <summary>Sum of survey scores (0–100).</summary>
    public double SurveyScoreSum { get; internal set; }
    /// <summary>Number of surveys.</summary>
    public int SurveyCount { get; internal set; }
    /// <summary>Follow-up records entered.</summary>
    public int FollowupsCompleted { get; internal set; }
    /// <summary>Follow-up records entered within 24 hours of the visit.</summary>
    public int FollowupsEnteredWithin24h { get; internal set; }
    /// <summary>Services handled.</summary>
    public int ServicesHandled { get; internal set; }
    /// <summary>Services resolved at first contact.</summary>
    public int FirstContactResolved { get; internal set; }
    /// <summary>Complaints opened per category.</summary>
    public SortedDictionary<string, int> OpenedByCategory { get; } = new(StringComparer.Ordinal);
    /// <summary>Clock breaches per local hour of the day (index 0–23, company time zone): when in the day breaches cluster.</summary>
    public int[] BreachesByHour { get; } = new int[24];

    internal void Add(TeamDay other)
    {
        ComplaintsOpened += other.ComplaintsOpened;
        ComplaintsResolved += other.ComplaintsResolved;
        ResolvedWithin48h += other.ResolvedWithin48h;
        ResolvedWithin7d += other.ResolvedWithin7d;
        Breaches += other.Breaches;
        FirstResponseMillisecondsSum += other.FirstResponseMillisecondsSum;
        FirstResponseCount += other.FirstResponseCount;
        SurveyScoreSum += other.SurveyScoreSum;
        SurveyCount += other.SurveyCount;
        FollowupsCompleted += other.FollowupsCompleted;
        FollowupsEnteredWithin24h += other.FollowupsEnteredWithin24h;
        ServicesHandled += other.ServicesHandled;
        FirstContactResolved += other.FirstContactResolved;
        foreach (var (category, count) in other.OpenedByCategory)
        {
            OpenedByCategory[category] = OpenedByCategory.GetValueOrDefault(category) + count;
        }

        for (var hour = 0; hour < BreachesByHour.Length; hour++)
        {
            BreachesByHour[hour] += other.BreachesByHour[hour];
        }
    }

    internal double[] Counters() =>
    [
        ComplaintsOpened, ComplaintsResolved, ResolvedWithin48h, ResolvedWithin7d, Breaches, FirstResponseMillisecondsSum,
        FirstResponseCount, SurveyScoreSum, SurveyCount, FollowupsCompleted, FollowupsEnteredWithin24h, ServicesHandled,
        FirstContactResolved,
    ];

    internal void SetCounters(double[] v)
    {
        ComplaintsOpened = (int)v[0];
        ComplaintsResolved = (int)v[1];
        ResolvedWithin48h = (int)v[2];
        ResolvedWithin7d = (int)v[3];
        Breaches = (int)v[4];
        FirstResponseMillisecondsSum = (long)v[5];
        FirstResponseCount = (int)v[6];
        SurveyScoreSum = v[7];
        SurveyCount = (int)v[8];
        FollowupsCompleted = (int)v[9];
        FollowupsEnteredWithin24h = (int)v[10];
        ServicesHandled = (int)v[11];
        FirstContactResolved = (int)v[12];
    }
}
