using Realtime.Domain.Events;

namespace Realtime.Grains.Tests;

/// <summary>Floor events for grain tests, with fresh ids.</summary>
public static class FloorEvents
{
    private static long _next;

    private static FloorEvent New(EventType type, DateTimeOffset at) => new() { Id = "g-" + Interlocked.Increment(ref _next), Type = type, OccurredAt = at };

    public static FloorEvent Service(string agent, DateTimeOffset at, string team = "T1", bool firstContactResolved = false, double? responseSeconds = null) =>
        New(EventType.ServiceHandled, at) with { AgentId = agent, TeamId = team, FirstContactResolved = firstContactResolved, ResponseSeconds = responseSeconds };

    public static FloorEvent Survey(string agent, DateTimeOffset at, double score) => New(EventType.SurveySubmitted, at) with { AgentId = agent, Score = score };

    public static FloorEvent Praise(string agent, DateTimeOffset at) => New(EventType.PraiseReceived, at) with { AgentId = agent };

    public static FloorEvent Followup(string agent, DateTimeOffset at, string customer, DateTimeOffset visitedAt) =>
        New(EventType.FollowupCompleted, at) with { AgentId = agent, CustomerId = customer, VisitedAt = visitedAt };

    public static FloorEvent Rated(string agent, DateTimeOffset at, string indicator, double value) =>
        New(EventType.AgentRated, at) with { AgentId = agent, Indicator = indicator, Value = value };

    public static FloorEvent Opened(string complaint, DateTimeOffset at, string team = "T1", string? agent = null, string? about = null, string? category = null, string? customer = null) =>
        New(EventType.ComplaintOpened, at) with { ComplaintId = complaint, TeamId = team, AgentId = agent, AboutAgentId = about, Category = category, CustomerId = customer };

    public static FloorEvent Complaint(EventType type, string complaint, DateTimeOffset at, string? agent = null, string? team = null) =>
        New(type, at) with { ComplaintId = complaint, AgentId = agent, TeamId = team };
}
