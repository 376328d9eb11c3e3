namespace Realtime.Grains.Teams;

/// <summary>A fact a complaint grain tells its team grain; which fields matter depends on <see cref="Kind"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Ordinal">The complaint's running count of facts told (with the id, a unique key).</param>
/// <param name="At">When it happened.</param>
public sealed record TeamComplaintFact(TeamComplaintFactKind Kind, string ComplaintId, int Ordinal, DateTimeOffset At)
{
    /// <summary>Category (opened, reopened, transferred in).</summary>
    public string? Category { get; init; }
    /// <summary>Customer id (opened).</summary>
    public string? CustomerId { get; init; }
    /// <summary>The agent owning it (teaches the team its agents).</summary>
    public string? AgentId { get; init; }
    /// <summary>The breached clock (breached).</summary>
    public string? Clock { get; init; }
    /// <summary>Resolution clock met (resolved).</summary>
    public bool Within48h { get; init; }
    /// <summary>Quick-resolution clock met (resolved).</summary>
    public bool Within7d { get; init; }
    /// <summary>Opening to first response (first response).</summary>
    public TimeSpan ResponseTime { get; init; }

    /// <summary>Unique per complaint and fact.</summary>
    public string Key => ComplaintId + "|" + Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
