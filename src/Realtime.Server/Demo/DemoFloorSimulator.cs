using Microsoft.Extensions.Options;
using Realtime.Domain.Events;
using Realtime.Grains.Ingest;

namespace Realtime.Server.Demo;

/// <summary>Settings of the demo simulator (section <c>Demo</c>; <c>--demo</c> sets <see cref="Enabled"/>).</summary>
public sealed class DemoOptions
{
    /// <summary>Whether the simulator runs.</summary>
    public bool Enabled { get; set; }

    /// <summary>Teams on the simulated floor.</summary>
    public int Teams { get; set; } = 5;

    /// <summary>Agents per team.</summary>
    public int AgentsPerTeam { get; set; } = 12;

    /// <summary>New complaints per minute.</summary>
    public double ComplaintsPerMinute { get; set; } = 4;

    /// <summary>Complaints already open when the demo starts (opened up to 50 hours ago, so some are about to breach).</summary>
    public int BacklogComplaints { get; set; } = 24;

    /// <summary>Random seed; the same seed gives the same floor.</summary>
    public int Seed { get; set; } = 2026;
}

/// <summary>
/// A simulated customer-service floor feeding events through the real ingest pipeline: complaints arrive a few per
/// minute, agents respond and resolve with drawn delays (a few too slow, so warnings and breaches happen), and
/// services, surveys, praise, follow-ups and supervisor ratings keep the scorecards and team KPIs moving.
/// </summary>
public sealed partial class DemoFloorSimulator(IOptions<DemoOptions> options, IngestPipeline pipeline, Hosting.StorageReadiness readiness, ILogger<DemoFloorSimulator> log) : BackgroundService
{
    private static readonly string[] Categories = ["claims", "policyService", "salesMisconduct", "serviceAttitude", "renewal", "surrender", "billing"];
    private static readonly string[] Channels = ["hotline", "hotline", "app", "app", "sms", "counter", "letter", "12378"];
    private static readonly string[] Surnames = ["张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴"];

    private readonly PriorityQueue<FloorEvent, DateTimeOffset> _scheduled = new();
    private Random _random = new();
    private long _next;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        _random = new Random(o.Seed);
        while (!readiness.IsReady) await Task.Delay(200, stoppingToken);
        LogStarted(o.Teams, o.Teams * o.AgentsPerTeam, o.ComplaintsPerMinute);

        var now = TimeProvider.System.GetUtcNow();
        var backlog = new List<FloorEvent>();
        for (var i = 0; i < o.BacklogComplaints; i++) backlog.AddRange(OpenComplaint(o, now - TimeSpan.FromMinutes(_random.Next(0, 50 * 60)), now));
        await SubmitAsync(backlog, stoppingToken);

        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await tick.WaitForNextTickAsync(stoppingToken))
        {
            now = TimeProvider.System.GetUtcNow();
            var batch = new List<FloorEvent>();
            if (_random.NextDouble() < o.ComplaintsPerMinute / 60) batch.AddRange(OpenComplaint(o, now, now));
            var agents = o.Teams * o.AgentsPerTeam;
            // About 12 services per agent per hour, a survey for a third of them, praise now and then.
            if (_random.NextDouble() < agents * 12 / 3600.0) batch.AddRange(Service(o, now));
            while (_scheduled.TryPeek(out _, out var at) && at <= now) batch.Add(_scheduled.Dequeue());
            await SubmitAsync(batch, stoppingToken);
        }
    }

    private async Task SubmitAsync(List<FloorEvent> batch, CancellationToken stoppingToken)
    {
        if (batch.Count == 0) return;
        try
        {
            await pipeline.SubmitAsync(batch, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSubmitFailed(e);
        }
    }

    /// <summary>Opens a complaint at <paramref name="openedAt"/>; what is due before <paramref name="now"/> is returned at once, the rest is scheduled.</summary>
    private IEnumerable<FloorEvent> OpenComplaint(DemoOptions o, DateTimeOffset openedAt, DateTimeOffset now)
    {
        var team = _random.Next(o.Teams);
        var agent = Agent(team, _random.Next(o.AgentsPerTeam));
        var channel = Channels[_random.Next(Channels.Length)];
        var complaintId = $"C{openedAt:yyMMdd}-{Interlocked.Increment(ref _next):D5}";
        var events = new List<FloorEvent>
        {
            Event(EventType.ComplaintOpened, openedAt) with
            {
                ComplaintId = complaintId, TeamId = Team(team), AgentId = agent, AboutAgentId = _random.NextDouble() < 0.3 ? Agent(team, _random.Next(o.AgentsPerTeam)) : null,
                Category = Categories[_random.Next(Categories.Length)], Channel = channel, Severity = channel == "12378" ? Severity.High : Severity.Normal,
                CustomerId = $"CU{_random.Next(100000, 999999)}", CustomerName = Surnames[_random.Next(Surnames.Length)] + "先生",
                CustomerPhone = $"13{_random.Next(0, 10)}{_random.Next(10000000, 99999999)}",
            },
        };
        // Most respond within 20–110 s; one in six is slow and breaches the 2-minute first response.
        var respondAfter = TimeSpan.FromSeconds(_random.NextDouble() < 1 / 6.0 ? _random.Next(125, 400) : _random.Next(20, 110));
        events.Add(Event(EventType.ComplaintResponded, openedAt + respondAfter) with { ComplaintId = complaintId, AgentId = agent });
        if (_random.NextDouble() < 0.2)
        {
            var pauseAt = openedAt + respondAfter + TimeSpan.FromMinutes(_random.Next(2, 10));
            events.Add(Event(EventType.ComplaintPaused, pauseAt) with { ComplaintId = complaintId, Reason = "waitingOnCustomer" });
            events.Add(Event(EventType.ComplaintResumed, pauseAt + TimeSpan.FromMinutes(_random.Next(3, 20))) with { ComplaintId = complaintId });
        }
        // Resolution within minutes to hours; backlog complaints were opened long ago and some run past 48 h.
        var resolveAfter = TimeSpan.FromMinutes(_random.Next(8, 90)) + (openedAt < now.AddHours(-1) ? TimeSpan.FromHours(_random.Next(40, 60)) : TimeSpan.Zero);
        events.Add(Event(EventType.ComplaintResolved, openedAt + resolveAfter) with { ComplaintId = complaintId, AgentId = agent, FirstContact = _random.NextDouble() < 0.7 });
        events.Add(Event(EventType.SurveySubmitted, openedAt + resolveAfter + TimeSpan.FromMinutes(5)) with { ComplaintId = complaintId, AgentId = agent, Score = Score() });

        foreach (var e in events)
        {
            if (e.OccurredAt <= now) yield return e;
            else _scheduled.Enqueue(e, e.OccurredAt);
        }
    }

    private IEnumerable<FloorEvent> Service(DemoOptions o, DateTimeOffset now)
    {
        var team = _random.Next(o.Teams);
        var agent = Agent(team, _random.Next(o.AgentsPerTeam));
        yield return Event(EventType.ServiceHandled, now) with
        {
            AgentId = agent,
            TeamId = Team(team),
            ContactId = $"K{Interlocked.Increment(ref _next):D6}",
            FirstContactResolved = _random.NextDouble() < 0.78,
            ResponseSeconds = Math.Round(15 + _random.NextDouble() * 200),
        };
        if (_random.NextDouble() < 0.33) _scheduled.Enqueue(Event(EventType.SurveySubmitted, now.AddMinutes(2)) with { AgentId = agent, Score = Score() }, now.AddMinutes(2));
        if (_random.NextDouble() < 0.05) yield return Event(EventType.PraiseReceived, now) with { AgentId = agent };
        // Follow-up visits recorded a few hours after the visit; one in ten is entered late (over 24 h).
        if (_random.NextDouble() < 0.1)
        {
            var visited = now - TimeSpan.FromHours(_random.NextDouble() < 0.1 ? _random.Next(25, 48) : _random.Next(1, 20));
            yield return Event(EventType.FollowupCompleted, now) with { AgentId = agent, CustomerId = $"CU{_random.Next(100000, 999999)}", VisitedAt = visited.ToOffset(TimeSpan.FromHours(8)) };
        }
        // Supervisors rate now and then, so the other three dimensions of the scorecard move too.
        if (_random.NextDouble() < 0.1)
        {
            var (indicator, low, high) = Ratings[_random.Next(Ratings.Length)];
            yield return Event(EventType.AgentRated, now) with { AgentId = agent, Indicator = indicator, Value = Math.Round(low + _random.NextDouble() * (high - low)) };
        }
    }

    /// <summary>Manual indicators the demo rates, with a plausible range of values.</summary>
    private static readonly (string Indicator, double Low, double High)[] Ratings =
    [
        ("knowledge_test", 65, 100), ("sales_vs_target", 70, 140), ("claims_accuracy", 82, 100), ("training_attendance", 60, 100), ("violations", 0, 3),
        ("cross_dept_completion", 80, 100), ("internal_communication", 60, 100), ("customer_communication", 60, 100), ("info_error_rate", 0, 12),
        ("emotion_management", 60, 100), ("new_skills", 0, 3), ("improvement_plan", 50, 100), ("self_assessment", 60, 100), ("initiative", 60, 100),
        ("career_plan", 60, 100),
    ];

    private double Score() => Math.Round(Math.Clamp(60 + _random.NextDouble() * 45, 0, 100));

    private FloorEvent Event(EventType type, DateTimeOffset at) =>
        new() { Id = $"demo-{Interlocked.Increment(ref _next):D8}-{_random.Next():x}", Type = type, OccurredAt = at.ToOffset(TimeSpan.FromHours(8)) };

    private static string Team(int team) => $"T{team + 1}";

    private static string Agent(int team, int agent) => $"A{team + 1}{agent + 1:D2}";

    [LoggerMessage(LogLevel.Information, "Demo floor started: {Teams} teams, {Agents} agents, {PerMinute} complaints per minute")]
    private partial void LogStarted(int teams, int agents, double perMinute);

    [LoggerMessage(LogLevel.Warning, "Demo events could not be submitted")]
    private partial void LogSubmitFailed(Exception error);
}
