namespace Realtime.Server.Auth;

/// <summary>The roles of the <c>role</c> claim (contract v2) and the claim names tokens carry.</summary>
public static class Roles
{
    /// <summary>An agent: own complaints, scorecard and feed.</summary>
    public const string Agent = "agent";

    /// <summary>A supervisor: the teams in the token's <c>team_id</c> claims.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>A manager: everything; closes quarters; unmasked reads with a reason.</summary>
    public const string Manager = "manager";

    /// <summary>An integration: <c>POST /api/events</c> only.</summary>
    public const string Ingest = "ingest";

    /// <summary>An auditor: reads the access audit.</summary>
    public const string Auditor = "auditor";

    /// <summary>Every role.</summary>
    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, Manager, Ingest, Auditor];

    /// <summary>The roles that read the floor's data (boards, complaints, scorecards, quarters, the hub).</summary>
    public static readonly IReadOnlyList<string> Readers = [Agent, Supervisor, Manager];

    /// <summary>Claim: the user's id.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>Claim: a role (repeated for several).</summary>
    public const string RoleClaim = "role";

    /// <summary>Claim: the agent the user is.</summary>
    public const string AgentIdClaim = "agent_id";

    /// <summary>Claim: a team the user supervises (repeated for several).</summary>
    public const string TeamIdClaim = "team_id";
}
