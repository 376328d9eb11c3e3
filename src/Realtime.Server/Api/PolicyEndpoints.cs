using Realtime.Domain.Policies;
using Realtime.Grains.Audit;
using Realtime.Grains.Policies;
using Realtime.Server.Auth;

namespace Realtime.Server.Api;

/// <summary>
/// The clock policies in force (<c>GET /api/policies</c>) and the recalculation of running complaints and cases under them
/// (<c>POST /api/policies/recalculate</c>): a dry run answers the diff and changes nothing; otherwise it is applied, pushed
/// live and recorded in the access audit with its reason. Managers only.
/// </summary>
public static class PolicyEndpoints
{
    /// <summary>Longest <c>reason</c> accepted.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Maps the routes; the group requires the manager policy.</summary>
    public static void MapPolicies(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/policies", (PolicyCatalog policies) => Results.Ok(new
        {
            complaints = new
            {
                version = PolicyVersion.Of(policies.CurrentComplaints),
                clocks = policies.CurrentComplaints.Clocks.Select(c => new { name = c.Name, version = PolicyVersion.Of(c) }).ToList(),
            },
            cases = new
            {
                version = PolicyVersion.Of(policies.CurrentCases),
                clocks = policies.CurrentCases.Clocks.Select(c => new { name = c.Name, caseType = c.CaseType, version = PolicyVersion.Of(c) }).ToList(),
            },
        }));
        app.MapPost("/api/policies/recalculate", RecalculateAsync);
    }

    private static async Task<IResult> RecalculateAsync(string? dryRun, string? reason, HttpContext http, PolicyRecalculator recalculator, AccessAuditor auditor, CancellationToken cancellationToken)
    {
        bool dry;
        if (string.IsNullOrEmpty(dryRun)) dry = false;
        else if (!bool.TryParse(dryRun, out dry)) return Problems.BadParameter("dryRun", "must be true or false");
        reason = reason?.Trim();
        if (!dry && string.IsNullOrEmpty(reason)) return Problems.BadParameter("reason", "say why the running complaints and cases are recalculated (required unless dryRun=true)");
        if (reason is { Length: > MaxReasonLength }) return Problems.BadParameter("reason", $"at most {MaxReasonLength} characters");

        var versions = await recalculator.RunAsync(apply: false, cancellationToken);
        if (!dry)
        {
            // Recorded before anything changes: a recalculation cut short still names who started it and why.
            await auditor.RecordAsync(http.User, AccessActions.PolicyRecalculate, $"policies:complaints@{versions.ComplaintsVersion},cases@{versions.CasesVersion}", reason, cancellationToken);
            versions = await recalculator.RunAsync(apply: true, cancellationToken);
        }
        return Results.Ok(Wire(versions, reason));
    }

    private static object Wire(PolicyRecalculationReport report, string? reason)
    {
        var clocks = report.Items.SelectMany(i => i.Clocks).ToList();
        return new
        {
            dryRun = !report.Applied,
            reason,
            policyVersions = new { complaints = report.ComplaintsVersion, cases = report.CasesVersion },
            examined = report.Examined,
            recalculated = report.Items.Count,
            dueTimesMoved = clocks.Count(c => c.DueAtMoves),
            breachesAppear = clocks.Count(c => c.BreachAppears),
            breachesVanish = clocks.Count(c => c.BreachVanishes),
            items = report.Items.Select(i => new
            {
                kind = i.Kind,
                id = i.Id,
                caseType = i.CaseType,
                teamId = i.TeamId,
                agentId = i.AgentId,
                versionBefore = i.VersionBefore,
                versionAfter = i.VersionAfter,
                clocks = i.Clocks.Select(c => new
                {
                    name = c.Clock,
                    versionBefore = c.VersionBefore,
                    versionAfter = c.VersionAfter,
                    stateBefore = c.VersionBefore is null ? null : ClockResource.StateName(c.StateBefore),
                    stateAfter = c.VersionAfter is null ? null : ClockResource.StateName(c.StateAfter),
                    dueAtBefore = c.DueAtBefore,
                    dueAtAfter = c.DueAtAfter,
                    breachedAtBefore = c.BreachedAtBefore,
                    breachedAtAfter = c.BreachedAtAfter,
                    dueAtMoves = c.DueAtMoves,
                    breachAppears = c.BreachAppears,
                    breachVanishes = c.BreachVanishes,
                }).ToList(),
            }).ToList(),
        };
    }
}
