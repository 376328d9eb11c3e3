using Realtime.Domain.Calendars;
using Realtime.Domain.Events;

namespace Realtime.Server.Demo;

/// <summary>
/// What happens on the simulated floor, as events with their own timestamps: a complaint's whole life (opened, answered,
/// maybe paused, resolved, surveyed, followed up), a service with what follows it, the quarter's ratings, and the claims and
/// follow-up visits timed as generic cases (DemoFloor.Cases.cs). Each call
/// returns one unit (a complaint's events together), since a complaint must reach ingest in one batch: a part of it alone
/// would show its clocks running since the past. Nothing it generates breaches a clock before <c>safeAfter</c>: a breach
/// is only created where it will happen in front of the running server, so nothing is detected late, and history reads
/// as it would have on a real floor that watched its clocks.
/// </summary>
internal sealed partial class DemoFloor(DemoOptions options, Random random, string run)
{
    private static readonly (string Id, int Weight)[] Categories =
        [("claims", 30), ("policyService", 15), ("serviceAttitude", 15), ("billing", 12), ("renewal", 10), ("surrender", 10), ("salesMisconduct", 8)];

    private static readonly string[] Channels = ["hotline", "hotline", "hotline", "app", "app", "sms", "counter", "letter", "12378"];
    private static readonly string[] Surnames = ["张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴"];
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>Manual indicators with a plausible range of supervisor values (self-assessments run a little higher).</summary>
    private static readonly (string Indicator, double Low, double High)[] Ratings =
    [
        ("knowledge_test", 72, 100), ("sales_vs_target", 80, 140), ("claims_accuracy", 86, 100), ("training_attendance", 70, 100), ("violations", 0, 3),
        ("cross_dept_completion", 85, 100), ("internal_communication", 65, 100), ("customer_communication", 65, 100), ("info_error_rate", 0, 9),
        ("emotion_management", 65, 100), ("new_skills", 0, 3), ("improvement_plan", 60, 100), ("self_assessment", 65, 100), ("initiative", 65, 100),
        ("career_plan", 65, 100),
    ];

    private static readonly TimeSpan ResolutionTarget = TimeSpan.FromHours(48);
    /// <summary>The first-response target the demo plans its answers around (the shipped configuration's).</summary>
    internal static readonly TimeSpan FirstResponseTarget = TimeSpan.FromMinutes(2);

    // Each team's recent complaint customers, so follow-up visits go to customers the team has seen (coverage, 回访覆盖率).
    private readonly List<string>[] _customers = [.. Enumerable.Range(0, options.Teams).Select(_ => new List<string>())];
    private long _next;
    private long _minute;
    private int _inMinute;
    private int _backdated;

    public int AgentCount => options.Teams * options.AgentsPerTeam;

    /// <summary>
    /// One complaint opened at <paramref name="openedAt"/>. <paramref name="live"/>: opened in front of the running server, so
    /// its first response may be late. A complex complaint takes hours to days; one that would pass 48 hours before
    /// <paramref name="safeAfter"/> waited on the customer (a pause) long enough to stay within its clock.
    /// </summary>
    /// <param name="openedAt">When it is opened.</param>
    /// <param name="complex">Whether it takes hours to days (with the team's senior agent).</param>
    /// <param name="live">Opened in front of the running server: its first response may be late.</param>
    /// <param name="safeAfter">No clock breaches before this instant.</param>
    /// <param name="answeredLateBy">Answer this long after the first-response target (a live breach, explained at once).</param>
    public List<FloorEvent> Complaint(DateTimeOffset openedAt, bool complex, bool live, DateTimeOffset safeAfter, TimeSpan? answeredLateBy = null)
    {
        var team = random.Next(options.Teams);
        // Complex complaints go to the team's senior agent (its first, e.g. A101, whom the demo agent signs in as), who
        // so always has a complaint or two in hand.
        var agent = Agent(team, complex ? 0 : random.Next(options.AgentsPerTeam));
        var channel = Channels[random.Next(Channels.Length)];
        var complaintId = ComplaintId(openedAt);
        var customer = $"CU{random.Next(100000, 999999)}";
        Remember(team, customer);
        var events = new List<FloorEvent>
        {
            Event(EventType.ComplaintOpened, openedAt) with
            {
                ComplaintId = complaintId, TeamId = Team(team), AgentId = agent, AboutAgentId = random.NextDouble() < 0.3 ? Agent(team, random.Next(options.AgentsPerTeam)) : null,
                Category = Category(), Channel = channel, Severity = channel == "12378" ? Severity.High : Severity.Normal,
                CustomerId = customer, CustomerName = Surnames[random.Next(Surnames.Length)] + (random.NextDouble() < 0.5 ? "先生" : "女士"),
                CustomerPhone = $"13{random.Next(0, 10)}{random.Next(10000000, 99999999)}",
            },
        };

        // Most answer within 15-110 s; live, a share answers after the 2-minute target (breach, escalation to the team lead).
        var slow = answeredLateBy is not null || (live && random.NextDouble() < options.SlowResponseShare && openedAt + FirstResponseTarget >= safeAfter);
        var respondAfter = answeredLateBy is { } late ? FirstResponseTarget + late : TimeSpan.FromSeconds(slow ? random.Next(125, 400) : random.Next(15, 110));
        events.Add(Event(EventType.ComplaintResponded, openedAt + respondAfter) with { ComplaintId = complaintId, AgentId = agent });
        // The agent records why on answering, as the floor's breach-cause report asks of every breach.
        var explainAfter = TimeSpan.FromSeconds(answeredLateBy is null ? random.Next(10, 60) : random.Next(5, 15));
        if (slow) events.Add(ComplaintExplained(complaintId, "firstResponse", openedAt + respondAfter + explainAfter, agent, random.NextDouble() < 0.7 ? "workload" : "customerUnreachable"));

        var paused = TimeSpan.Zero;
        TimeSpan duration;
        if (complex)
        {
            duration = TimeSpan.FromMinutes(random.Next(120, 72 * 60));
            // Past 48 h on the clock only where the breach will happen live; before that, the customer kept it waiting.
            if (duration > ResolutionTarget - TimeSpan.FromHours(1) && openedAt + ResolutionTarget < safeAfter)
                paused = duration - ResolutionTarget + TimeSpan.FromHours(random.Next(2, 8));
        }
        else
        {
            duration = respondAfter + TimeSpan.FromMinutes(random.Next(2, 12));
            if (random.NextDouble() < 0.1) paused = TimeSpan.FromMinutes(random.Next(3, 15));
            duration += paused;
        }

        if (paused > TimeSpan.Zero)
        {
            var pauseAt = openedAt + respondAfter + TimeSpan.FromMinutes(1);
            events.Add(Event(EventType.ComplaintPaused, pauseAt) with { ComplaintId = complaintId, Reason = "waitingOnCustomer" });
            events.Add(Event(EventType.ComplaintResumed, pauseAt + paused) with { ComplaintId = complaintId });
        }

        var resolvedAt = openedAt + duration;
        if (complex && duration - paused > ResolutionTarget)
            events.Add(ComplaintExplained(complaintId, "resolution", resolvedAt + TimeSpan.FromMinutes(random.Next(10, 60)), agent, random.NextDouble() < 0.6 ? "waitingOnThirdParty" : "awaitingDocuments"));
        events.Add(Event(EventType.ComplaintResolved, resolvedAt) with { ComplaintId = complaintId, AgentId = agent, FirstContact = !complex && random.NextDouble() < 0.7 });
        if (random.NextDouble() < 0.8)
            events.Add(Event(EventType.SurveySubmitted, resolvedAt + TimeSpan.FromMinutes(5)) with { ComplaintId = complaintId, AgentId = agent, Score = Score() });
        if (random.NextDouble() < 0.9) events.AddRange(Followup(team, agent, customer, resolvedAt + TimeSpan.FromMinutes(random.Next(60, 20 * 60)), safeAfter));
        return events;
    }

    /// <summary>A service handled at <paramref name="at"/>, with its survey, praise, a follow-up visit or a supervisor rating now and then.</summary>
    public List<FloorEvent> Service(DateTimeOffset at, bool live, DateTimeOffset safeAfter)
    {
        var team = random.Next(options.Teams);
        var agent = Agent(team, random.Next(options.AgentsPerTeam));
        var events = new List<FloorEvent>
        {
            Event(EventType.ServiceHandled, at) with
            {
                AgentId = agent, TeamId = Team(team), ContactId = $"K{run}{++_next:D7}", FirstContactResolved = random.NextDouble() < 0.8,
                ResponseSeconds = Math.Round(15 + random.NextDouble() * 150),
            },
        };
        if (random.NextDouble() < 0.35) events.Add(Event(EventType.SurveySubmitted, at.AddMinutes(2)) with { AgentId = agent, Score = Score() });
        if (random.NextDouble() < 0.06) events.Add(Event(EventType.PraiseReceived, at.AddMinutes(30)) with { AgentId = agent });
        // Routine follow-ups of the team's customers (the policy: each customer at least once a quarter).
        if (random.NextDouble() < 0.08 && _customers[team] is { Count: > 0 } known)
            events.AddRange(Followup(team, agent, known[random.Next(known.Count)], at, safeAfter));
        if (live && random.NextDouble() < 0.01)
        {
            var (indicator, low, high) = Ratings[random.Next(Ratings.Length)];
            events.Add(Event(EventType.AgentRated, at) with { AgentId = agent, Indicator = indicator, Value = Math.Round(low + random.NextDouble() * (high - low)), Rater = Rater.Supervisor });
        }

        return events;
    }

    /// <summary>Every agent's self-assessment and supervisor rating of every manual indicator for <paramref name="quarter"/>, entered between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public List<FloorEvent> QuarterRatings(Quarter quarter, DateTimeOffset from, DateTimeOffset to)
    {
        var events = new List<FloorEvent>();
        var span = Math.Max(0, (to - from).TotalSeconds);
        for (var team = 0; team < options.Teams; team++)
        {
            for (var a = 0; a < options.AgentsPerTeam; a++)
            {
                var agent = Agent(team, a);
                foreach (var (indicator, low, high) in Ratings)
                {
                    var value = Math.Round(low + random.NextDouble() * (high - low));
                    var own = Math.Round(Math.Clamp(value + random.Next(0, 8) * (high - low) / 100, low, high));
                    var at = from + TimeSpan.FromSeconds(random.NextDouble() * span);
                    events.Add(Event(EventType.AgentRated, at) with { AgentId = agent, Indicator = indicator, Value = value, Rater = Rater.Supervisor, Period = quarter.ToString() });
                    events.Add(Event(EventType.AgentRated, at) with { AgentId = agent, Indicator = indicator, Value = own, Rater = Rater.Self, Period = quarter.ToString() });
                }
            }
        }

        return events;
    }

    /// <summary>
    /// <c>C261102-093012</c>: date, minute and a two-digit count within the minute (short enough for a wall-board card;
    /// a restart on durable storage does not reuse an id unless it opens complaints in the very same minute).
    /// Complaints are generated in time order, so one counter per minute suffices.
    /// </summary>
    private string ComplaintId(DateTimeOffset openedAt)
    {
        var local = openedAt.ToOffset(Shanghai);
        var minute = local.Ticks / TimeSpan.TicksPerMinute;
        // A complaint dated back into a minute already numbered (a day's opening breaches) takes a number from the top of
        // the minute's range, which a few complaints a minute never reach: restarting at 00 reused a complaint's id.
        if (minute < _minute) return $"C{local:yyMMdd}-{local:HHmm}{90 + _backdated++ % 10:D2}";
        _inMinute = minute == _minute ? _inMinute + 1 : 0;
        _minute = minute;
        return $"C{local:yyMMdd}-{local:HHmm}{_inMinute % 100:D2}";
    }

    private void Remember(int team, string customer)
    {
        var list = _customers[team];
        if (list.Count >= 500) list.RemoveAt(random.Next(list.Count));
        list.Add(customer);
    }

    private string Category()
    {
        var roll = random.Next(Categories.Sum(c => c.Weight));
        foreach (var (id, weight) in Categories)
        {
            if (roll < weight) return id;
            roll -= weight;
        }

        return Categories[0].Id;
    }

    // Mostly satisfied customers (mean about 86 of 100), a few unhappy ones.
    private double Score() => Math.Round(random.NextDouble() < 0.08 ? 40 + random.NextDouble() * 30 : 75 + Math.Sqrt(random.NextDouble()) * 25);

    private FloorEvent ComplaintExplained(string complaintId, string clock, DateTimeOffset at, string agent, string reasonCode) =>
        Event(EventType.ComplaintBreachExplained, at) with { ComplaintId = complaintId, Clock = clock, ReasonCode = reasonCode, AgentId = agent };

    private FloorEvent Event(EventType type, DateTimeOffset at) =>
        new() { Id = $"demo-{run}-{++_next:D8}", Type = type, OccurredAt = at.ToOffset(Shanghai) };

    private static string Team(int team) => $"T{team + 1}";

    private static string Agent(int team, int agent) => $"A{team + 1}{agent + 1:D2}";
}
