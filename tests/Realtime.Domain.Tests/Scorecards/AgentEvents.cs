using Realtime.Domain.Events;

namespace Realtime.Domain.Tests.Scorecards;

/// <summary>Builds the agent events a scorecard test feeds in.</summary>
internal static class AgentEvents
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static int _next;

    public static DateTimeOffset At(int year, int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, China);

    public static FloorEvent Service(string agent, DateTimeOffset at, bool resolved = false, double? responseSeconds = null) =>
        New(EventType.ServiceHandled, agent, at) with { TeamId = "t1", FirstContactResolved = resolved, ResponseSeconds = responseSeconds };

    public static FloorEvent Survey(string agent, DateTimeOffset at, double score) =>
        New(EventType.SurveySubmitted, agent, at) with { Score = score };

    public static FloorEvent Praise(string agent, DateTimeOffset at) => New(EventType.PraiseReceived, agent, at);

    public static FloorEvent Followup(string agent, DateTimeOffset visitedAt, DateTimeOffset enteredAt, string customer = "c1") =>
        New(EventType.FollowupCompleted, agent, enteredAt) with { VisitedAt = visitedAt, CustomerId = customer };

    public static FloorEvent Rated(string agent, DateTimeOffset at, string indicator, double value, Rater? rater = null, string? period = null) =>
        New(EventType.AgentRated, agent, at) with { Indicator = indicator, Value = value, Rater = rater, Period = period };

    private static FloorEvent New(EventType type, string agent, DateTimeOffset at) => new()
    {
        Id = $"e{Interlocked.Increment(ref _next)}",
        Type = type,
        OccurredAt = at,
        AgentId = agent,
    };
}
