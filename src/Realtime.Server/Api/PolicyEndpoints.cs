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
        app.MapGet("/api/policies", (PolicyCatalog policies) => Results.Ok(new PoliciesResource(
            new PolicySetResource(PolicyVersion.Of(policies.CurrentComplaints),
                [.. policies.CurrentComplaints.Clocks.Select(c => new PolicyClockResource(c.Name, PolicyVersion.Of(c)))]),
            new PolicySetResource(PolicyVersion.Of(policies.CurrentCases),
                [.. policies.CurrentCases.Clocks.Select(c => new PolicyClockResource(c.Name, PolicyVersion.Of(c), c.CaseType))]))));
        app.MapPost("/api/policies/recalculate", RecalculateAsync);
    }

    private static async Task<IResult> RecalculateAsync(string? dryRun, string? reason, HttpContext http, PolicyRecalculator recalculator, PolicyCatalog policies, AccessAuditor auditor, CancellationToken cancellationToken)
    {
        bool dry;
        if (string.IsNullOrEmpty(dryRun)) dry = false;
        else if (!bool.TryParse(dryRun, out dry)) return Problems.BadParameter("dryRun", "must be true or false");
        reason = reason?.Trim();
        if (!dry && string.IsNullOrEmpty(reason)) return Problems.BadParameter("reason", "say why the running complaints and cases are recalculated (required unless dryRun=true)");
        if (reason is { Length: > MaxReasonLength }) return Problems.BadParameter("reason", $"at most {MaxReasonLength} characters");

        if (!dry)
        {
            // Recorded before anything changes: a recalculation cut short still names who started it and why.
            var target = $"policies:complaints@{PolicyVersion.Of(policies.CurrentComplaints)},cases@{PolicyVersion.Of(policies.CurrentCases)}";
            await auditor.RecordAsync(http.User, AccessActions.PolicyRecalculate, target, reason, cancellationToken);
        }
        var report = await recalculator.RunAsync(apply: !dry, cancellationToken);
        return Results.Ok(RecalculationResource.Of(report, reason));
    }
}
