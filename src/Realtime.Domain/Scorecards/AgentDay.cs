using System.Text.Json.Serialization;

namespace Realtime.Domain.Scorecards;

/// <summary>
/// One agent's live counters for one local date of the company calendar (a daily bucket of
/// <see cref="AgentActivity"/>). Serialized as a compact JSON array
/// <c>["2026-07-01", services, firstContactResolved, complaintsAbout, responseMillisecondsSum, responseCount,
/// surveyScoreSum, surveyCount, praises, followupsCompleted, followupsEnteredWithin24h]</c> with trailing zeros left out,
/// so a quarter of history stays a few kilobytes.
/// </summary>
[JsonConverter(typeof(AgentDayJsonConverter))]
public readonly struct AgentDay : IEquatable<AgentDay>
{
    private readonly AgentCounters _counters;

    /// <summary>Creates an empty bucket for local date <paramref name="date"/>.</summary>
    public AgentDay(DateOnly date) => Date = date;

    internal AgentDay(DateOnly date, in AgentCounters counters)
    {
        Date = date;
        _counters = counters;
    }

    /// <summary>The local date (company zone) the counters belong to.</summary>
    public DateOnly Date { get; }

    /// <summary><c>service.handled</c> events of the agent.</summary>
    public int ServicesHandled => _counters.ServicesHandled;

    /// <summary>Services with <c>firstContactResolved</c> true.</summary>
    public int FirstContactResolved => _counters.FirstContactResolved;

    /// <summary>Complaints opened whose <c>aboutAgentId</c> is the agent.</summary>
    public int ComplaintsAbout => _counters.ComplaintsAbout;

    /// <summary>Sum of response times in whole milliseconds (service <c>responseSeconds</c> and first responses to complaints).</summary>
    public long ResponseMillisecondsSum => _counters.ResponseMillisecondsSum;

    /// <summary>How many response times <see cref="ResponseMillisecondsSum"/> adds up.</summary>
    public int ResponseCount => _counters.ResponseCount;

    /// <summary>Sum of survey scores (0–100 each).</summary>
    public double SurveyScoreSum => _counters.SurveyScoreSum;

    /// <summary>How many surveys <see cref="SurveyScoreSum"/> adds up.</summary>
    public int SurveyCount => _counters.SurveyCount;

    /// <summary><c>praise.received</c> events.</summary>
    public int Praises => _counters.Praises;

    /// <summary><c>followup.completed</c> events (bucketed by when the record was entered).</summary>
    public int FollowupsCompleted => _counters.FollowupsCompleted;

    /// <summary>Follow-ups whose record was entered within 24 hours of the visit.</summary>
    public int FollowupsEnteredWithin24h => _counters.FollowupsEnteredWithin24h;

    /// <summary>True when any counter is non-zero.</summary>
    public bool HasActivity => _counters.HasActivity;

    internal AgentCounters Counters => _counters;

    /// <inheritdoc />
    public bool Equals(AgentDay other) => Date == other.Date && _counters.Equals(other._counters);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgentDay other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, _counters);

    /// <summary>Value equality.</summary>
    public static bool operator ==(AgentDay left, AgentDay right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(AgentDay left, AgentDay right) => !left.Equals(right);
}

/// <summary>
/// The counters of one day as <see cref="AgentActivity"/> holds them: 48 bytes, no date (the buckets keep dates
/// alongside) and no object header, so 90 days of a busy agent take about 4.7 KB. Counts are <see cref="int"/>
/// because a day's count has no small exact bound (a bulk import may put thousands of services on one day).
/// </summary>
internal record struct AgentCounters
{
    public long ResponseMillisecondsSum;
    public double SurveyScoreSum;
    public int ServicesHandled;
    public int FirstContactResolved;
    public int ComplaintsAbout;
    public int ResponseCount;
    public int SurveyCount;
    public int Praises;
    public int FollowupsCompleted;
    public int FollowupsEnteredWithin24h;

    /// <summary>True when any counter is non-zero (every change counts at least one of these).</summary>
    public readonly bool HasActivity => (ServicesHandled | ComplaintsAbout | ResponseCount | SurveyCount | Praises | FollowupsCompleted) != 0;
}
