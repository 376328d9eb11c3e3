using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Realtime.Server.Auth;

/// <summary>Refusals as problem details: <c>401</c> without a valid user, <c>403</c> outside the user's roles (never an empty 200).</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc />
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(title: "Sign-in required", statusCode: StatusCodes.Status401Unauthorized,
                detail: "Send a valid token (Authorization: Bearer, or access_token for the hub) or an ingest key (X-Api-Key); sign in at /signin.").ExecuteAsync(context);
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var roles = string.Join(", ", policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles));
            await Results.Problem(title: "Forbidden", statusCode: StatusCodes.Status403Forbidden,
                detail: $"{context.Request.Method} {context.Request.Path} needs one of the roles: {roles}.").ExecuteAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
