namespace Realtime.Server.Live;

/// <summary>Live push settings (section <c>Live</c>).</summary>
public sealed class LiveOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Live";

    /// <summary>
    /// The most unread events, and the most unread state messages, kept per scope before the slowest reader is told to
    /// reload (rounded up to a power of two).
    /// </summary>
    public int BacklogPerScope { get; set; } = 16_384;

    /// <summary>The least time between two sends of state messages to one connection (events never wait for it).</summary>
    public TimeSpan StateInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The most bytes written to one connection and not yet taken by its socket before its sender waits. Larger lets a
    /// busy server (whose socket writes wait their turn on a loaded thread pool) send more per turn, at this much memory
    /// per stalled connection (SignalR's <c>TransportMaxBufferSize</c>).
    /// </summary>
    public long ConnectionBufferBytes { get; set; } = 1 << 20;

    /// <summary>
    /// The most recent warnings, breaches and escalations kept per scope for boards opened later
    /// (<c>GET /api/floor/alerts</c> …; a board's ticker shows 40).
    /// </summary>
    public int RecentAlertsPerScope { get; set; } = 40;

    /// <summary>What is wrong with these settings, naming each key (empty when they are usable).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BacklogPerScope < 1) errors.Add($"{SectionName}:{nameof(BacklogPerScope)} must be at least 1 (was {BacklogPerScope})");
        if (StateInterval < TimeSpan.Zero) errors.Add($"{SectionName}:{nameof(StateInterval)} must not be negative (was {StateInterval})");
        if (RecentAlertsPerScope is < 1 or > 1000) errors.Add($"{SectionName}:{nameof(RecentAlertsPerScope)} must be from 1 to 1000 (was {RecentAlertsPerScope})");
        if (ConnectionBufferBytes < 1024) errors.Add($"{SectionName}:{nameof(ConnectionBufferBytes)} must be at least 1024 (was {ConnectionBufferBytes})");
        return errors;
    }
}
