namespace Realtime.Grains.Live;

/// <summary>The hub method names of the live contract.</summary>
public static class LiveMethods
{
    /// <summary>A clock passed a warning fraction.</summary>
    public const string SlaWarning = "slaWarning";
    /// <summary>A clock passed its target.</summary>
    public const string SlaBreached = "slaBreached";
    /// <summary>A breach climbed the escalation chain.</summary>
    public const string Escalated = "escalated";
    /// <summary>Any change of a complaint.</summary>
    public const string ComplaintChanged = "complaintChanged";
    /// <summary>An agent's rolling score changed.</summary>
    public const string ScoreChanged = "scoreChanged";
    /// <summary>A team's KPIs changed.</summary>
    public const string KpiChanged = "kpiChanged";
}

/// <summary>
/// One push to dashboards: a hub method, its payload and the scopes it goes to. A message with a
/// <see cref="CoalesceKey"/> describes current state (a complaint, a score): when several with the same key are waiting,
/// only the latest is sent. Messages without one are events (warnings, breaches) and are always sent, in order.
/// </summary>
public sealed record LiveMessage(string Method, object Payload, IReadOnlyList<string> Scopes, string? CoalesceKey = null);

/// <summary>Where grains send pushes. Implementations queue and return at once; grains never touch SignalR.</summary>
public interface ILiveNotifier
{
    /// <summary>Queues <paramref name="message"/> for delivery.</summary>
    void Publish(LiveMessage message);
}
