namespace Realtime.Domain.Scorecards;

/// <summary>The live counters of an agent summed over a range of days (see <see cref="AgentActivity.Totals"/>).</summary>
public sealed class AgentTotals
{
    /// <summary>Services handled.</summary>
    public int ServicesHandled { get; private set; }
    /// <summary>Services resolved at first contact.</summary>
    public int FirstContactResolved { get; private set; }
    /// <summary>Complaints about the agent.</summary>
    public int ComplaintsAbout { get; private set; }
    /// <summary>Sum of response times, milliseconds.</summary>
    public long ResponseMillisecondsSum { get; private set; }
    /// <summary>Number of response times.</summary>
    public int ResponseCount { get; private set; }
    /// <summary>Sum of survey scores.</summary>
    public double SurveyScoreSum { get; private set; }
    /// <summary>Number of surveys.</summary>
    public int SurveyCount { get; private set; }
    /// <summary>Praises.</summary>
    public int Praises { get; private set; }
    /// <summary>Follow-ups completed.</summary>
    public int FollowupsCompleted { get; private set; }
    /// <summary>Follow-ups entered within 24 h of the visit.</summary>
    public int FollowupsEnteredWithin24h { get; private set; }
    /// <summary>True when any day in the range had activity.</summary>
    public bool HasActivity { get; private set; }

    /// <summary>Complaints ÷ services handled, percent; null (no data) without services.</summary>
    public double? ComplaintRatePercent => ServicesHandled == 0 ? null : 100.0 * ComplaintsAbout / ServicesHandled;

    /// <summary>First-contact resolved ÷ services handled, percent; null without services.</summary>
    public double? FirstContactResolutionPercent => ServicesHandled == 0 ? null : 100.0 * FirstContactResolved / ServicesHandled;

    /// <summary>Mean response time in seconds; null without responses.</summary>
    public double? AverageResponseSeconds => ResponseCount == 0 ? null : ResponseMillisecondsSum / 1000.0 / ResponseCount;

    /// <summary>Mean survey score (0–100); null without surveys.</summary>
    public double? SatisfactionAverage => SurveyCount == 0 ? null : SurveyScoreSum / SurveyCount;

    /// <summary>Praises in the range; null (no data) when the agent had no activity at all, since zero praise is a grade (fail).</summary>
    public double? PraiseCount => HasActivity ? Praises : null;

    internal void Add(in AgentCounters day)
    {
        ServicesHandled += day.ServicesHandled;
        FirstContactResolved += day.FirstContactResolved;
        ComplaintsAbout += day.ComplaintsAbout;
        ResponseMillisecondsSum += day.ResponseMillisecondsSum;
        ResponseCount += day.ResponseCount;
        SurveyScoreSum += day.SurveyScoreSum;
        SurveyCount += day.SurveyCount;
        Praises += day.Praises;
        FollowupsCompleted += day.FollowupsCompleted;
        FollowupsEnteredWithin24h += day.FollowupsEnteredWithin24h;
        HasActivity |= day.HasActivity;
    }
}
