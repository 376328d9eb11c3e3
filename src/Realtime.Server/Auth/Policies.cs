namespace Realtime.Server.Auth;

/// <summary>The authorization policies endpoints name (contract v2's role table).</summary>
public static class Policies
{
    /// <summary><c>POST /api/events</c>: role <c>ingest</c>.</summary>
    public const string Ingest = "ingest";

    /// <summary>Reads of the floor's data and the hub: <c>agent</c>, <c>supervisor</c> or <c>manager</c>.</summary>
    public const string Reader = "reader";

    /// <summary>Quarter close and unmasked reads: <c>manager</c>.</summary>
    public const string Manager = "manager";

    /// <summary>The access audit: <c>auditor</c>.</summary>
    public const string Auditor = "auditor";
}
