namespace Realtime.Grains.Teams;

/// <summary>
/// What a complaint grain has already told agent and team grains (part of its persisted state), so a replay, a
/// reminder or a repeated event never tells anything twice.
/// </summary>
public sealed class ComplaintFactsTold
{
    /// <summary>The agent complained about was told.</summary>
    public bool About { get; set; }
    /// <summary>The first responder (and the team) were told of the first response.</summary>
    public bool FirstResponse { get; set; }
    /// <summary>The team the complaint is counted open in (or was resolved in); null before the opening was told.</summary>
    public string? Team { get; set; }
    /// <summary>Whether the team was last told the complaint is paused.</summary>
    public bool Paused { get; set; }
    /// <summary>Whether the team was last told the complaint is resolved.</summary>
    public bool Resolved { get; set; }
    /// <summary>How many of the complaint's breach records the team was told (the list only grows).</summary>
    public int Breaches { get; set; }
    /// <summary>Team facts told so far (numbers each fact, making its key unique).</summary>
    public int Ordinal { get; set; }
}
