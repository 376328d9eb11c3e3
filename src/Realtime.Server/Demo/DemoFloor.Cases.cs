using Realtime.Domain.Events;

namespace Realtime.Server.Demo;

/// <summary>
/// The floor's generic cases (docs/cases.md), timed by the claims clocks shipped in appsettings.json: claims (survey
/// dispatched and accepted, loss assessed or followed up, closed) and follow-up visits (their record entered). As for
/// complaints, a clock breaches only where the breach happens after <c>safeAfter</c>; a seeded claim that ran past its
/// closure target waited on the customer's documents (<c>case.paused</c>) long enough to stay within it.
/// </summary>
internal sealed partial class DemoFloor
{
    private static readonly TimeSpan SurveyTarget = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SmallClaimTarget = TimeSpan.FromDays(7);
    private static readonly TimeSpan SmallInjuryClaimTarget = TimeSpan.FromDays(40);
    private static readonly TimeSpan AssessmentTarget = TimeSpan.FromDays(13);
    private static readonly TimeSpan RecordTarget = TimeSpan.FromHours(24);

    // Ids handed out per prefix and minute; cases are not generated in time order (a visit follows its complaint by hours).
    private readonly Dictionary<(char Prefix, long Minute), int> _caseIds = [];

    private enum ClaimKind
    {
        Small,
        SmallInjury,
        Large,
    }

    /// <summary>
    /// One claim reported at <paramref name="openedAt"/>: half small non-injury (closed within 7 days), a sixth small
    /// injury (within 40 days), the rest larger; a survey is dispatched within minutes and accepted within 3 minutes but for
    /// a live share; the loss is assessed, or the claim followed up three times, within 13 days but for a few; one claim in
    /// ten of the small ones closes after its target.
    /// </summary>
    public List<FloorEvent> Claim(DateTimeOffset openedAt, bool live, DateTimeOffset safeAfter)
    {
        var team = random.Next(options.Teams);
        var agent = Agent(team, random.Next(options.AgentsPerTeam));
        var caseId = CaseId('L', openedAt);
        var roll = random.NextDouble();
        var kind = roll < 0.5 ? ClaimKind.Small : roll < 0.66 ? ClaimKind.SmallInjury : ClaimKind.Large;
        var (amount, injury) = kind switch
        {
            ClaimKind.Small => (Amount(300, 2990), false),
            ClaimKind.SmallInjury => (Amount(800, 4990), true),
            // From 5,000: a larger claim falls under neither small-claim closure clock, whatever its injury.
            _ => (Amount(5000, 80000), random.NextDouble() < 0.3),
        };
        var events = new List<FloorEvent>
        {
            CaseEvent(EventType.CaseOpened, openedAt, caseId) with
            {
                CaseType = "claim", TeamId = Team(team), AgentId = agent,
                Attributes = new Dictionary<string, CaseAttribute> { ["amount"] = CaseAttribute.Of(amount), ["injury"] = CaseAttribute.Of(injury) },
            },
        };

        // The survey: accepted within 20-170 s, or live after the 3-minute target (a breach in front of the viewer, explained).
        var dispatchedAt = openedAt + TimeSpan.FromSeconds(random.Next(60, 8 * 60));
        var slow = live && random.NextDouble() < options.SlowSurveyShare && dispatchedAt + SurveyTarget >= safeAfter;
        var acceptedAt = dispatchedAt + TimeSpan.FromSeconds(slow ? random.Next(190, 420) : random.Next(20, 170));
        events.Add(Step(caseId, "surveyDispatched", dispatchedAt, agent));
        events.Add(Step(caseId, "surveyAccepted", acceptedAt, agent));
        if (slow) events.Add(Explained(caseId, "surveyAcceptance", acceptedAt + TimeSpan.FromMinutes(random.Next(2, 10)), agent, random.NextDouble() < 0.7 ? "workload" : "systemFault"));

        var late = random.NextDouble() < 0.1;
        var closeAfter = kind switch
        {
            ClaimKind.Small => Days(late ? 7.2 : 1, late ? 9 : 6),
            ClaimKind.SmallInjury => Days(late ? 40.5 : 5, late ? 45 : 34),
            _ => Days(5, 45),
        };

        // Loss assessed within 10 days, or three follow-ups by day 12; a few large claims wait past 13 days (live only).
        var steps = new List<(string Step, TimeSpan After)>();
        var lateAssessment = kind == ClaimKind.Large && random.NextDouble() < 0.06 && openedAt + AssessmentTarget >= safeAfter;
        if (lateAssessment)
        {
            steps.Add(("followedUp", Days(3, 6)));
            steps.Add(("lossAssessed", Days(13.5, 17)));
            closeAfter = Max(closeAfter, steps[^1].After + Days(1, 10));
            events.Add(Explained(caseId, "unassessedClaimFollowUp", openedAt + AssessmentTarget + TimeSpan.FromHours(random.Next(2, 8)), agent, "waitingOnThirdParty"));
        }
        else if (random.NextDouble() < 0.8)
        {
            steps.Add(("lossAssessed", Min(closeAfter * (0.3 + random.NextDouble() * 0.5), Days(1, 10))));
        }
        else
        {
            steps.Add(("followedUp", Days(1, 4)));
            steps.Add(("followedUp", Days(4, 8)));
            steps.Add(("followedUp", Days(8, 12)));
            steps.Add(("lossAssessed", Days(12, 20)));
        }

        foreach (var (step, after) in steps)
        {
            if (after < closeAfter) events.Add(Step(caseId, step, openedAt + after, agent));
        }

        if (late && kind != ClaimKind.Large)
        {
            var target = kind == ClaimKind.Small ? SmallClaimTarget : SmallInjuryClaimTarget;
            if (openedAt + target < safeAfter)
            {
                // Seeded: the customer's documents kept it waiting, so it stays within its clock (no breach in the past).
                var pauseAt = openedAt + TimeSpan.FromDays(1);
                var resumeAt = pauseAt + closeAfter - target + Days(0.5, 2);
                events.Add(CaseEvent(EventType.CasePaused, pauseAt, caseId) with { AgentId = agent });
                events.Add(CaseEvent(EventType.CaseResumed, resumeAt, caseId) with { AgentId = agent });
            }
            else
            {
                var clock = kind == ClaimKind.Small ? "smallClaimClosure" : "smallInjuryClaimClosure";
                events.Add(Explained(caseId, clock, openedAt + target + TimeSpan.FromHours(random.Next(1, 6)), agent, random.NextDouble() < 0.6 ? "awaitingDocuments" : "waitingOnThirdParty"));
            }
        }

        events.Add(CaseEvent(EventType.CaseClosed, openedAt + closeAfter, caseId) with { AgentId = agent });
        return events;
    }

    /// <summary>
    /// What a team finishes right at <paramref name="at"/> at the start of a day, so today's case clocks of every team
    /// have an outcome from the first minute: a small claim and a small injury claim closed, a larger claim's loss
    /// assessed, a survey accepted and a follow-up visit's record entered, all within their clocks.
    /// </summary>
    public List<FloorEvent> DayStart(int team, DateTimeOffset at)
    {
        var agent = Agent(team, random.Next(options.AgentsPerTeam));
        var events = new List<FloorEvent>();

        void Opened(string caseId, DateTimeOffset openedAt, double amount, bool injury) =>
            events.Add(CaseEvent(EventType.CaseOpened, openedAt, caseId) with
            {
                CaseType = "claim",
                TeamId = Team(team),
                AgentId = agent,
                Attributes = new Dictionary<string, CaseAttribute> { ["amount"] = CaseAttribute.Of(amount), ["injury"] = CaseAttribute.Of(injury) },
            });

        void SurveyDone(string caseId, DateTimeOffset openedAt)
        {
            events.Add(Step(caseId, "surveyDispatched", openedAt + TimeSpan.FromMinutes(2), agent));
            events.Add(Step(caseId, "surveyAccepted", openedAt + TimeSpan.FromMinutes(3), agent));
        }

        foreach (var (days, amount, injury) in new[] { (Days(2, 5), Amount(300, 2990), false), (Days(10, 30), Amount(800, 4990), true) })
        {
            var openedAt = at - days;
            var caseId = CaseId('L', openedAt);
            Opened(caseId, openedAt, amount, injury);
            SurveyDone(caseId, openedAt);
            events.Add(Step(caseId, "lossAssessed", openedAt + Min(days / 2, Days(1, 10)), agent));
            events.Add(CaseEvent(EventType.CaseClosed, at, caseId) with { AgentId = agent });
        }

        var assessedOpenedAt = at - Days(3, 9);
        var assessed = CaseId('L', assessedOpenedAt);
        Opened(assessed, assessedOpenedAt, Amount(5000, 80000), false);
        SurveyDone(assessed, assessedOpenedAt);
        events.Add(Step(assessed, "lossAssessed", at, agent));
        events.Add(CaseEvent(EventType.CaseClosed, at + Days(5, 30), assessed) with { AgentId = agent });

        var surveyedOpenedAt = at - TimeSpan.FromMinutes(4);
        var surveyed = CaseId('L', surveyedOpenedAt);
        Opened(surveyed, surveyedOpenedAt, Amount(300, 2990), false);
        events.Add(Step(surveyed, "surveyDispatched", at - TimeSpan.FromSeconds(random.Next(30, 150)), agent));
        events.Add(Step(surveyed, "surveyAccepted", at, agent));
        events.Add(Step(surveyed, "lossAssessed", at + Days(1, 3), agent));
        events.Add(CaseEvent(EventType.CaseClosed, at + Days(3, 6), surveyed) with { AgentId = agent });

        var visitedAt = at - TimeSpan.FromHours(random.Next(2, 20));
        var visit = CaseId('F', visitedAt);
        events.Add(CaseEvent(EventType.CaseOpened, visitedAt, visit) with
        {
            CaseType = "followup",
            TeamId = Team(team),
            AgentId = agent,
            Attributes = new Dictionary<string, CaseAttribute> { ["channel"] = CaseAttribute.Of("phone") },
        });
        events.Add(Step(visit, "recordEntered", at, agent));
        events.Add(CaseEvent(EventType.CaseClosed, at, visit) with { AgentId = agent });
        return events;
    }

    /// <summary>
    /// The follow-up visit of <paramref name="customer"/> at <paramref name="visitedAt"/> (<c>followup.completed</c> when its
    /// record is entered) and the same visit as a <c>followup</c> case: opened at the visit, closed when its record is
    /// entered, within 24 hours nine times in ten; the tenth is entered late only where that breach happens live.
    /// </summary>
    private List<FloorEvent> Followup(int team, string agent, string customer, DateTimeOffset visitedAt, DateTimeOffset safeAfter)
    {
        var late = random.NextDouble() >= 0.9 && visitedAt + RecordTarget >= safeAfter;
        var entered = visitedAt + TimeSpan.FromMinutes(late ? random.Next(25 * 60, 40 * 60) : random.Next(20, 20 * 60));
        var caseId = CaseId('F', visitedAt);
        var events = new List<FloorEvent>
        {
            CaseEvent(EventType.CaseOpened, visitedAt, caseId) with
            {
                CaseType = "followup", TeamId = Team(team), AgentId = agent,
                Attributes = new Dictionary<string, CaseAttribute> { ["channel"] = CaseAttribute.Of(random.NextDouble() < 0.8 ? "phone" : "visit"), ["customerId"] = CaseAttribute.Of(customer) },
            },
            Step(caseId, "recordEntered", entered, agent),
            CaseEvent(EventType.CaseClosed, entered, caseId) with { AgentId = agent },
            Event(EventType.FollowupCompleted, entered) with { AgentId = agent, CustomerId = customer, VisitedAt = visitedAt.ToOffset(Shanghai) },
        };
        if (late) events.Add(Explained(caseId, "followupRecordEntry", entered + TimeSpan.FromMinutes(random.Next(5, 60)), agent, "workload"));
        return events;
    }

    /// <summary><c>L261102-093012</c> (claim) or <c>F…</c> (follow-up): as a complaint id, the count kept per minute since cases come out of time order.</summary>
    private string CaseId(char prefix, DateTimeOffset at)
    {
        var local = at.ToOffset(Shanghai);
        var minute = local.Ticks / TimeSpan.TicksPerMinute;
        // Old minutes are not generated again once the floor has moved on for days; forgetting them bounds the table.
        if (_caseIds.Count > 50_000)
        {
            foreach (var key in _caseIds.Keys.Where(k => k.Minute < minute - 60 * 24 * 60).ToList()) _caseIds.Remove(key);
        }

        var n = _caseIds.TryGetValue((prefix, minute), out var count) ? count + 1 : 0;
        _caseIds[(prefix, minute)] = n;
        return $"{prefix}{local:yyMMdd}-{local:HHmm}{n % 100:D2}";
    }

    private FloorEvent CaseEvent(EventType type, DateTimeOffset at, string caseId) => Event(type, at) with { CaseId = caseId };

    private FloorEvent Step(string caseId, string step, DateTimeOffset at, string agent) => CaseEvent(EventType.CaseStep, at, caseId) with { Step = step, AgentId = agent };

    private FloorEvent Explained(string caseId, string clock, DateTimeOffset at, string agent, string reasonCode) =>
        CaseEvent(EventType.CaseBreachExplained, at, caseId) with { Clock = clock, ReasonCode = reasonCode, AgentId = agent };

    private double Amount(int low, int high) => Math.Round((low + random.NextDouble() * (high - low)) / 10) * 10;

    private TimeSpan Days(double low, double high) => TimeSpan.FromDays(low + random.NextDouble() * (high - low));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
