namespace Realtime.Server.Tests;

/// <summary>Agent events as the contract spells them.</summary>
public static class ScorecardEvents
{
    private static Dictionary<string, object?> New(string type, DateTimeOffset at, string agent) => new()
    {
        ["id"] = Events.NewId(),
        ["type"] = type,
        ["occurredAt"] = at.ToString("O"),
        ["agentId"] = agent,
    };

    /// <summary><c>service.handled</c>.</summary>
    public static Dictionary<string, object?> Service(string agent, DateTimeOffset at, string team = "T1", bool firstContactResolved = false, double? responseSeconds = null)
    {
        var e = New("service.handled", at, agent);
        e["teamId"] = team;
        e["firstContactResolved"] = firstContactResolved;
        e["responseSeconds"] = responseSeconds;
        return e;
    }

    /// <summary><c>survey.submitted</c>.</summary>
    public static Dictionary<string, object?> Survey(string agent, DateTimeOffset at, object score)
    {
        var e = New("survey.submitted", at, agent);
        e["score"] = score;
        return e;
    }

    /// <summary><c>praise.received</c>.</summary>
    public static Dictionary<string, object?> Praise(string agent, DateTimeOffset at) => New("praise.received", at, agent);

    /// <summary><c>agent.rated</c>.</summary>
    public static Dictionary<string, object?> Rated(string agent, DateTimeOffset at, string indicator, object value)
    {
        var e = New("agent.rated", at, agent);
        e["indicator"] = indicator;
        e["value"] = value;
        return e;
    }

    /// <summary><c>complaint.opened</c> about an agent.</summary>
    public static Dictionary<string, object?> OpenedAbout(string complaintId, DateTimeOffset at, string owner, string about)
    {
        var e = Events.Opened(complaintId, at, agent: owner);
        e["aboutAgentId"] = about;
        e["category"] = "claims";
        return e;
    }
}
