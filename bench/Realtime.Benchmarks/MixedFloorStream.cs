using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;

namespace Realtime.Benchmarks;

/// <summary>
/// The mixed floor stream of issue 4 for <c>agents</c> agents in <c>teams</c> teams: 60 % services, 15 % surveys,
/// 5 % praise, 5 % follow-ups, 2 % ratings, 13 % complaint events (open, respond, resolve, about 2,000 open at a time).
/// Deterministic for a given prefix; events are stamped around now so complaint clocks run instead of breaching on arrival.
/// </summary>
/// <remarks>Shared by the throughput driver and, linked, by the grain tests' end-to-end check.</remarks>
public static class MixedFloorStream
{
    /// <summary>The first <paramref name="count"/> events of the stream; ids start with <paramref name="prefix"/>.</summary>
    public static IEnumerable<FloorEvent> Generate(int count, int agents, int teams, string prefix = "e")
    {
        var random = new Random(7);
        var start = DateTimeOffset.UtcNow;
        var open = new Queue<(string Id, string Agent, int Step)>();
        for (var n = 0; n < count; n++)
        {
            var a = random.Next(agents);
            var agent = "A" + a;
            var team = "T" + a % teams;
            var at = start.AddTicks(n * 10L);
            var id = prefix + n;
            var roll = random.Next(100);
            yield return roll switch
            {
                < 60 => new FloorEvent { Id = id, Type = EventType.ServiceHandled, OccurredAt = at, AgentId = agent, TeamId = team, FirstContactResolved = roll % 4 != 0, ResponseSeconds = 30 + roll },
                < 75 => new FloorEvent { Id = id, Type = EventType.SurveySubmitted, OccurredAt = at, AgentId = agent, Score = 60 + roll % 40 },
                < 80 => new FloorEvent { Id = id, Type = EventType.PraiseReceived, OccurredAt = at, AgentId = agent },
                < 85 => new FloorEvent { Id = id, Type = EventType.FollowupCompleted, OccurredAt = at, AgentId = agent, CustomerId = "CU" + random.Next(200_000), VisitedAt = at.AddHours(-2) },
                < 87 => new FloorEvent { Id = id, Type = EventType.AgentRated, OccurredAt = at, AgentId = agent, Indicator = IndicatorIds.KnowledgeTest, Value = 60 + roll },
                _ => ComplaintEvent(id, at, agent, team, open),
            };
        }
    }

    private static FloorEvent ComplaintEvent(string id, DateTimeOffset at, string agent, string team, Queue<(string Id, string Agent, int Step)> open)
    {
        if (open.Count < 2_000 || !open.TryDequeue(out var c))
        {
            var complaintId = "C" + id;
            open.Enqueue((complaintId, agent, 1));
            return new FloorEvent { Id = id, Type = EventType.ComplaintOpened, OccurredAt = at, ComplaintId = complaintId, TeamId = team, AgentId = agent, AboutAgentId = agent, Category = "claims", CustomerId = "CU" + id };
        }
        if (c.Step == 1)
        {
            open.Enqueue((c.Id, c.Agent, 2));
            return new FloorEvent { Id = id, Type = EventType.ComplaintResponded, OccurredAt = at, ComplaintId = c.Id, AgentId = c.Agent };
        }
        return new FloorEvent { Id = id, Type = EventType.ComplaintResolved, OccurredAt = at, ComplaintId = c.Id };
    }
}
