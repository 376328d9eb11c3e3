namespace Realtime.Dashboards.Tests;

/// <summary>
/// A server holding a realistic, crowded floor: long complaint ids (C2026120612345), high-severity breaches escalated to
/// the director, breaches at the deputy director, warned complaints, a first response met late, calm complaints, and
/// agents with scores. Two teams, so TV mode has something to rotate through.
/// </summary>
public sealed class ReadableFloorServer : RealtimeServer, IAsyncLifetime
{
    /// <summary>The crowded team.</summary>
    public const string Team = "T-east-2026";

    /// <summary>The second team.</summary>
    public const string OtherTeam = "T-west-2026";

    /// <summary>Complaints of <see cref="Team"/> whose card must be large and whole: breached or warned.</summary>
    public const int BreachedOrWarned = 10;

    /// <summary>
    /// Claims of <see cref="Team"/> shown beside the complaints, breached (their large card among the complaints' ten); one,
    /// since the board holds twelve large cards at 1920×1080 and the calm complaints must keep their place.
    /// </summary>
    public const int BreachedOrWarnedCases = 1;

    /// <summary>Agents of <see cref="OtherTeam"/> with a score besides A2026120709: the floor has more than its board's column holds.</summary>
    public const int FloorOnlyAgents = 10;

    /// <summary>Agents on the floor's board: six of <see cref="Team"/>, A2026120709 and <see cref="FloorOnlyAgents"/>.</summary>
    public const int FloorAgents = 6 + 1 + FloorOnlyAgents;

    /// <summary>A complaint whose first response came 20 s after its target, 10 hours ago.</summary>
    public const string AnsweredLate = "C2026120600042";

    /// <inheritdoc />
    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var now = DateTimeOffset.UtcNow;
        var agents = Enumerable.Range(1, 6).Select(i => $"A20261206{i:D2}").ToArray();
        var events = new List<object>();
        var n = 0;
        string Next() => $"C20261206{++n:D5}";
        // Breached high-severity complaints nobody answered for 30 h: the chain is at the director.
        for (var i = 0; i < 4; i++)
            events.Add(FloorEvents.ComplaintOpened(Next(), Team, agents[i], "high", now.AddHours(-30)));
        // Breached normal complaints nobody answered for 5 h: deputy director.
        for (var i = 0; i < 3; i++)
            events.Add(FloorEvents.ComplaintOpened(Next(), Team, agents[i + 2], occurredAt: now.AddHours(-5)));
        // Answered in time 40 h ago: the 48-hour resolution clock is at 83 %, a warning.
        for (var i = 0; i < 3; i++)
        {
            var id = Next();
            events.Add(FloorEvents.ComplaintOpened(id, Team, agents[i], occurredAt: now.AddHours(-40)));
            events.Add(FloorEvents.ComplaintResponded(id, agents[i], now.AddHours(-40).AddSeconds(2)));
        }
        // Calm: answered at once an hour ago.
        for (var i = 0; i < 8; i++)
        {
            var id = Next();
            events.Add(FloorEvents.ComplaintOpened(id, Team, agents[i % agents.Length], occurredAt: now.AddHours(-1)));
            events.Add(FloorEvents.ComplaintResponded(id, agents[i % agents.Length], now.AddHours(-1).AddSeconds(2)));
        }
        var opened = now.AddHours(-10);
        events.Add(FloorEvents.ComplaintOpened(AnsweredLate, Team, agents[5], occurredAt: opened));
        events.Add(FloorEvents.ComplaintResponded(AnsweredLate, agents[5], opened + FirstResponseTarget + TimeSpan.FromSeconds(20)));
        for (var i = 0; i < 3; i++)
            events.Add(FloorEvents.ComplaintOpened($"C20261207{i:D5}", OtherTeam, "A2026120709", i == 0 ? "high" : "normal", now.AddHours(-3)));
        // A claim with a long id whose 3-minute survey clock breached an hour ago.
        for (var i = 0; i < BreachedOrWarnedCases; i++)
        {
            var claim = $"CLM2026120600{i:D3}";
            events.Add(FloorEvents.CaseOpened(claim, "claim", Team, agents[i], now.AddHours(-1)));
            events.Add(FloorEvents.CaseStep(claim, "surveyDispatched", now.AddHours(-1)));
        }
        for (var i = 0; i < agents.Length; i++)
        {
            events.Add(FloorEvents.ServiceHandled(agents[i], Team, firstContactResolved: i % 2 == 0, responseSeconds: 20 + (60 * i), occurredAt: now.AddMinutes(-30)));
            events.Add(FloorEvents.SurveySubmitted(agents[i], 97 - (7 * i), now.AddMinutes(-20)));
            events.Add(FloorEvents.PraiseReceived(agents[i], now.AddMinutes(-10)));
        }
        events.Add(FloorEvents.ServiceHandled("A2026120709", OtherTeam, occurredAt: now.AddMinutes(-30)));
        // The other team's agents make the floor's agent panel longer than its column.
        for (var i = 0; i < FloorOnlyAgents; i++)
            events.Add(FloorEvents.ServiceHandled($"A202612071{i:D1}", OtherTeam, occurredAt: now.AddMinutes(-30)));
        await IngestAsync([.. events]);
    }
}
