namespace Realtime.Server.Auth;

/// <summary>
/// Response headers that keep the dashboards from being framed, sniffed or fed foreign scripts: a Content-Security-Policy
/// (scripts, styles and connections from this server only; the SSO authority may be fetched by the sign-in page),
/// <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c> and <c>frame-ancestors 'none'</c>.
/// Orleans' own dashboard (<c>/orleans</c>) keeps its inline scripts and gets only the last two.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of the dashboards and the API (<paramref name="authority"/>: the SSO issuer the sign-in page talks to).</summary>
    public static string ContentSecurityPolicy(string? authority)
    {
        var sso = authority is { Length: > 0 } && Uri.TryCreate(authority, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : "";
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            $"connect-src 'self'{sso}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? authority)
    {
        var policy = ContentSecurityPolicy(authority);
        return app.Use((context, next) =>
        {
            // On starting: error pages and 401/403 answers written later get them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (!context.Request.Path.StartsWithSegments("/orleans"))
                {
                    headers.ContentSecurityPolicy = policy;
                    headers.XFrameOptions = "DENY";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
