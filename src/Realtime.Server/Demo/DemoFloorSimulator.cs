using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Grains;
using Realtime.Grains.Ingest;
using Realtime.Grains.Teams;

namespace Realtime.Server.Demo;

/// <summary>
/// A simulated customer-service floor feeding events through the real ingest pipeline. At start it seeds
/// <see cref="DemoOptions.HistoryDays"/> days of history (quiet days at history rates, then the last hours at the live
/// rates, so the floor starts in its steady state) and every agent's ratings for the quarters the history touches; then,
/// every second, everyday complaints arrive and are answered and resolved within minutes (the open count stays level),
/// complex ones take hours to days, a share of first responses are late (breaches and escalations in front of the
/// viewer), services bring surveys, praise and follow-up visits (each also a <c>followup</c> case), and claims are
/// surveyed, assessed and closed on the claims clocks. Every team finishes a case of each clock at the start of each day
/// (and of the demo), so today's case KPIs have data. Seeded history never breaches a clock in the past, so nothing is
/// detected late: every breach the demo shows happens while the server watches.
/// </summary>
public sealed partial class DemoFloorSimulator(
    IOptions<DemoOptions> options,
    Hosting.StorageReadiness readiness,
    IGrainFactory grains,
    CompanyCalendar calendar,
    [FromKeyedServices(FloorClock.Key)] TimeProvider time,
    ILogger<DemoFloorSimulator> log) : BackgroundService
{
    /// <summary>Events per ingest batch while seeding (whole complaints only, so none arrives half).</summary>
    private const int SeedBatch = 5_000;

    /// <summary>How far ahead of the seed's "now" a seeded clock may breach: seeding must be over by then, or the breach would be detected late.</summary>
    private static readonly TimeSpan SeedMargin = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How far back claims are seeded: the longest is closed within about 45 days, so older ones would only add closed
    /// cases (and seeding time) to the quarter's figures, which the last weeks fill already.
    /// </summary>
    private static readonly TimeSpan ClaimHistory = TimeSpan.FromDays(50);

    private readonly PriorityQueue<FloorEvent, DateTimeOffset> _scheduled = new();
    private readonly TaskCompletionSource _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private readonly List<(DateTimeOffset Through, TaskCompletionSource Done)> _waiters = [];
    private DateTimeOffset _processed = DateTimeOffset.MinValue;

    /// <summary>Completes when the history is seeded and the live floor has started (faults if seeding failed).</summary>
    public Task Seeded => _seeded.Task;

    /// <summary>Completes once the live floor has submitted everything due up to <paramref name="through"/> (tests drive the clock with it).</summary>
    public Task WaitUntilProcessedAsync(DateTimeOffset through)
    {
        lock (_gate)
        {
            if (_processed >= through) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((through, done));
            return done.Task;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        var errors = o.Validate();
        if (errors.Count > 0)
        {
            LogInvalid(string.Join("; ", errors));
            _seeded.TrySetException(new InvalidOperationException("Invalid demo configuration: " + string.Join("; ", errors)));
            return;
        }

        while (!readiness.IsReady) await Task.Delay(200, stoppingToken);
        var random = new Random(o.Seed);
        var start = time.GetUtcNow();
        var floor = new DemoFloor(o, random, start.ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture));
        LogStarted(o.Teams, floor.AgentCount, o.ComplaintsPerMinute);

        PeriodicTimer tick;
        try
        {
            await SeedAsync(o, floor, random, stoppingToken);
            // Created before Seeded completes: a test that moves the clock once seeding is over must find the timer armed.
            tick = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSeedFailed(e);
            _seeded.TrySetException(e);
            return;
        }

        using (tick)
        {
            var now = time.GetUtcNow();
            var arrivals = new DemoArrivals(random, now, o.ComplaintsPerMinute / 60, o.ComplexComplaintsPerDay / 86_400, floor.AgentCount * o.ServicesPerAgentPerHour / 3_600, o.ClaimsPerDay / 86_400);
            var today = calendar.DateOf(now);
            var opening = new List<FloorEvent>();
            foreach (var unit in DayOpeningBreaches(floor, random, o, now)) Add(opening, unit, now);
            await SubmitAsync(opening, stoppingToken);
            Processed(now);
            _seeded.TrySetResult();
            while (await tick.WaitForNextTickAsync(stoppingToken))
            {
                now = time.GetUtcNow();
                var batch = new List<FloorEvent>();
                if (calendar.DateOf(now) != today)
                {
                    today = calendar.DateOf(now);
                    foreach (var unit in StartDay(floor, random, o, now).Concat(DayOpeningBreaches(floor, random, o, now))) Add(batch, unit, now);
                }

                foreach (var (kind, at) in arrivals.Until(now)) Add(batch, Generate(floor, kind, at, live: true, safeAfter: at), now);
                while (_scheduled.TryPeek(out _, out var due) && due <= now) batch.Add(_scheduled.Dequeue());
                await SubmitAsync(batch, stoppingToken);
                Processed(now);
            }
        }
    }

    /// <summary>Seeds the history: the quiet days, the quarters' ratings, then the warm-up hours at the live rates.</summary>
    private async Task SeedAsync(DemoOptions o, DemoFloor floor, Random random, CancellationToken stoppingToken)
    {
        if (o.HistoryDays == 0 && o.WarmUpHours == 0) return;
        if ((await grains.GetGrain<IFloorGrain>(IFloorGrain.Key).GetTeamIdsAsync()).Count > 0)
        {
            // A restart on durable storage: the floor has its history already; seeding again would count it twice.
            LogHistoryKept();
            return;
        }

        var clock = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var warmUp = TimeSpan.FromHours(o.WarmUpHours);
        var from = now - TimeSpan.FromDays(o.HistoryDays);
        var units = new List<List<FloorEvent>>();
        var quiet = new DemoArrivals(random, from, o.HistoryComplaintsPerDay / 86_400, o.ComplexComplaintsPerDay / 86_400, floor.AgentCount * o.HistoryServicesPerAgentPerDay / 86_400, 0);
        foreach (var (kind, at) in quiet.Until(now - warmUp)) units.Add(Generate(floor, kind, at, live: false, safeAfter: now + SeedMargin));
        var claimsFrom = from > now - ClaimHistory ? from : now - ClaimHistory;
        var claims = new DemoArrivals(random, claimsFrom, 0, 0, 0, o.ClaimsPerDay / 86_400);
        foreach (var (kind, at) in claims.Until(now - warmUp)) units.Add(Generate(floor, kind, at, live: false, safeAfter: now + SeedMargin));

        // Ratings for every quarter the history touches: the past ones entered in their last weeks, the current one so far.
        var current = calendar.QuarterOf(now);
        for (var q = calendar.QuarterOf(from); q <= current; q = q.Next())
        {
            var (start, end) = (calendar.StartOf(q), calendar.StartOf(q.Next()));
            var enteredFrom = q.Equals(current) ? start : end - TimeSpan.FromDays(14);
            var enteredTo = q.Equals(current) ? now : end - TimeSpan.FromHours(1);
            units.AddRange(floor.QuarterRatings(q, enteredFrom, enteredTo < enteredFrom ? enteredFrom : enteredTo).Chunk(500).Select(c => c.ToList()));
        }

        var busy = new DemoArrivals(random, now - warmUp, o.ComplaintsPerMinute / 60, o.ComplexComplaintsPerDay / 86_400, floor.AgentCount * o.ServicesPerAgentPerHour / 3_600, o.ClaimsPerDay / 86_400);
        foreach (var (kind, at) in busy.Until(now)) units.Add(Generate(floor, kind, at, live: false, safeAfter: now + SeedMargin));
        units.AddRange(StartDay(floor, random, o, now));

        var seeded = 0;
        var batch = new List<FloorEvent>();
        foreach (var unit in units)
        {
            foreach (var e in unit)
            {
                if (e.OccurredAt <= now) batch.Add(e);
                else _scheduled.Enqueue(e, e.OccurredAt);
            }

            if (batch.Count < SeedBatch) continue;
            seeded += batch.Count;
            await grains.FloorIngestWriter().SubmitAsync(batch).WaitAsync(stoppingToken);
            batch = [];
        }

        seeded += batch.Count;
        if (batch.Count > 0) await grains.FloorIngestWriter().SubmitAsync(batch).WaitAsync(stoppingToken);
        LogSeeded(o.HistoryDays, seeded, _scheduled.Count, clock.Elapsed.TotalSeconds);
        if (time.GetUtcNow() > now + SeedMargin) LogSeedSlow(SeedMargin.TotalMinutes);
    }

    private static List<FloorEvent> Generate(DemoFloor floor, DemoArrival kind, DateTimeOffset at, bool live, DateTimeOffset safeAfter) => kind switch
    {
        DemoArrival.Complaint => floor.Complaint(at, complex: false, live, safeAfter),
        DemoArrival.ComplexComplaint => floor.Complaint(at, complex: true, live, safeAfter),
        DemoArrival.Claim => floor.Claim(at, live, safeAfter),
        _ => floor.Service(at, live, safeAfter),
    };

    /// <summary>Every team's start-of-day cases (<see cref="DemoFloor.DayStart"/>), finished within the next minute.</summary>
    private static IEnumerable<List<FloorEvent>> StartDay(DemoFloor floor, Random random, DemoOptions o, DateTimeOffset now) =>
        Enumerable.Range(0, o.Teams).Select(team => floor.DayStart(team, now + TimeSpan.FromSeconds(random.Next(5, 60)))).ToList();

    /// <summary>
    /// As the floor goes live and at each day's start, two complaints that came in just under two minutes earlier and are
    /// answered a little late: today's first breaches happen, on time and in front of the server, and are explained within
    /// the first minute, so the breach-cause report of today has figures from the start.
    /// </summary>
    private static IEnumerable<List<FloorEvent>> DayOpeningBreaches(DemoFloor floor, Random random, DemoOptions o, DateTimeOffset now) =>
        Enumerable.Range(0, 2).Select(_ =>
        {
            var dueAt = now + TimeSpan.FromSeconds(random.Next(10, 20));
            return floor.Complaint(dueAt - DemoFloor.FirstResponseTarget, complex: false, live: true, safeAfter: now, answeredLateBy: TimeSpan.FromSeconds(random.Next(5, 20)));
        }).ToList();

    /// <summary>Adds what is due by <paramref name="now"/> to <paramref name="batch"/> and schedules the rest.</summary>
    private void Add(List<FloorEvent> batch, List<FloorEvent> unit, DateTimeOffset now)
    {
        foreach (var e in unit)
        {
            if (e.OccurredAt <= now) batch.Add(e);
            else _scheduled.Enqueue(e, e.OccurredAt);
        }
    }

    private void Processed(DateTimeOffset now)
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            _processed = now;
            done = [.. _waiters.Where(w => w.Through <= now).Select(w => w.Done)];
            _waiters.RemoveAll(w => w.Through <= now);
        }

        foreach (var d in done) d.TrySetResult();
    }

    private async Task SubmitAsync(List<FloorEvent> batch, CancellationToken stoppingToken)
    {
        if (batch.Count == 0) return;
        try
        {
            await grains.FloorIngestWriter().SubmitAsync(batch).WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSubmitFailed(e);
        }
    }

    [LoggerMessage(LogLevel.Information, "Demo floor started: {Teams} teams, {Agents} agents, {PerMinute} complaints per minute")]
    private partial void LogStarted(int teams, int agents, double perMinute);

    [LoggerMessage(LogLevel.Information, "Demo history seeded: {Days} days, {Events} events applied, {Scheduled} scheduled for later, in {Seconds:F1} s")]
    private partial void LogSeeded(int days, int events, int scheduled, double seconds);

    [LoggerMessage(LogLevel.Information, "Demo history not seeded: the floor already has teams (a restart on durable storage keeps its history)")]
    private partial void LogHistoryKept();

    [LoggerMessage(LogLevel.Warning, "Demo seeding took longer than {Minutes} minutes: some seeded deadlines passed while it ran and will be reported as detected late; lower Demo:HistoryDays or the history rates")]
    private partial void LogSeedSlow(double minutes);

    [LoggerMessage(LogLevel.Error, "Demo history could not be seeded; the demo floor does not run")]
    private partial void LogSeedFailed(Exception error);

    [LoggerMessage(LogLevel.Error, "Demo not started: {Errors}")]
    private partial void LogInvalid(string errors);

    [LoggerMessage(LogLevel.Warning, "Demo events could not be submitted")]
    private partial void LogSubmitFailed(Exception error);
}
