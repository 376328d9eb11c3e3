using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Realtime.Grains.Audit;
using Realtime.Server.Hosting;

namespace Realtime.Server.Auth;

/// <summary>
/// Sign-in, the ASP.NET Core way: JWT bearer tokens (from <c>Auth:Authority</c>, or signed with the local key), ingest keys and
/// anonymous roles as schemes of their own, chosen per request by what the request carries; role policies on the endpoints.
/// </summary>
public static partial class AuthSetup
{
    /// <summary>The scheme every request is authenticated with; it forwards to the one matching its credentials.</summary>
    public const string SchemeName = "Realtime";

    /// <summary>Registers authentication and the role policies.</summary>
    public static void AddRealtimeAuth(this IServiceCollection services)
    {
        services.AddRealtimeRateLimits();
        services.AddValidatedOptions<AuthOptions>(AuthOptions.SectionName, o => o.Validate());
        services.AddSingleton<TokenService>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<AccessRules>();
        // In memory unless the PostgreSQL storage (registered after this) brings its own.
        services.TryAddSingleton<IAccessAudit, InMemoryAccessAudit>();
        services.AddValidatedOptions<AuditOptions>(AuditOptions.SectionName, o => o.Validate());
        services.AddSingleton<AccessAuditor>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessAuditor>());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Token, ingest key or anonymous roles", o => o.ForwardDefaultSelector = SchemeFor)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, IngestKeyHandler>(IngestKeyHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AnonymousRolesHandler>(AnonymousRolesHandler.SchemeName, null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>, TokenService>(ConfigureBearer);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Ingest, p => p.RequireRole(Roles.Ingest))
            .AddPolicy(Policies.Reader, p => p.RequireRole([.. Roles.Readers]))
            .AddPolicy(Policies.Manager, p => p.RequireRole(Roles.Manager))
            .AddPolicy(Policies.Auditor, p => p.RequireRole(Roles.Auditor));
    }

    private static string SchemeFor(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0) return JwtBearerDefaults.AuthenticationScheme;
        if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query.ContainsKey("access_token")) return JwtBearerDefaults.AuthenticationScheme;
        if (context.Request.Path.StartsWithSegments(Hosting.Silo.SiloHosting.DashboardPath) && context.Request.Cookies.ContainsKey(OrleansDashboardCookie)) return JwtBearerDefaults.AuthenticationScheme;
        if (context.Request.Headers.ContainsKey(IngestKeyHandler.Header)) return IngestKeyHandler.SchemeName;
        return AnonymousRolesHandler.SchemeName;
    }

    private static void ConfigureBearer(JwtBearerOptions o, IOptions<AuthOptions> auth, TokenService tokens)
    {
        var settings = auth.Value;
        // Claims keep their JWT names (sub, role, agent_id, team_id) instead of being mapped onto long XML schema URIs.
        o.MapInboundClaims = false;
        o.TokenValidationParameters.NameClaimType = Roles.SubjectClaim;
        o.TokenValidationParameters.RoleClaimType = Roles.RoleClaim;
        o.TokenValidationParameters.ValidAudience = settings.Audience;
        o.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
        if (settings.Authority is { Length: > 0 } authority)
        {
            o.Authority = authority;
            o.Audience = settings.Audience;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        }
        else
        {
            o.TokenValidationParameters.ValidIssuer = settings.Issuer;
            o.TokenValidationParameters.IssuerSigningKey = tokens.Key;
            o.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        // Browsers cannot set headers on a WebSocket: the hub takes the token from the query string, as SignalR documents.
        o.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                    context.Token = token;
                // Orleans' dashboard is a page of its own: the dashboards hand it their token in a cookie scoped to its path.
                else if (context.Request.Path.StartsWithSegments(Hosting.Silo.SiloHosting.DashboardPath)
                    && context.Request.Cookies[OrleansDashboardCookie] is { Length: > 0 } carried)
                    context.Token = carried;
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>The cookie in which the dashboards carry their token to Orleans' dashboard (path <c>/orleans</c>, same-site strict).</summary>
    public const string OrleansDashboardCookie = "realtime_orleans";

    /// <summary>The middleware, in order: security headers, authentication, authorization, rate limits (which partition by user).</summary>
    public static void UseRealtimeAuth(this WebApplication app)
    {
        app.UseSecurityHeaders(app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Authority);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>Logs, loudly, what a request without a token may do, and where the signing key comes from.</summary>
    public static void LogAuthAtStart(IServiceProvider services, ILogger log)
    {
        var auth = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (auth.Anonymous.Roles.Count > 0) LogAnonymous(log, string.Join(", ", auth.Anonymous.Roles));
        if (auth.Authority is not { Length: > 0 } && services.GetRequiredService<TokenService>().KeyIsGenerated) LogGeneratedKey(log);
        foreach (var demo in services.GetRequiredService<UserDirectory>().Demo) LogDemoUser(log, demo.User.Name, demo.Password, string.Join(", ", demo.User.Roles));
    }

    [LoggerMessage(LogLevel.Warning, "Demo sign-in: open /signin and click a user, or POST /api/auth/token {{\"user\": \"{User}\", \"password\": \"{Password}\"}} (roles: {Roles}). The password was generated at start.")]
    private static partial void LogDemoUser(ILogger log, string user, string password, string roles);

    [LoggerMessage(LogLevel.Warning, "**************** ANONYMOUS ACCESS: Auth:Anonymous:Roles grants [{Roles}] to every request without a token. Use it only for wall boards on a trusted network. ****************")]
    private static partial void LogAnonymous(ILogger log, string roles);

    [LoggerMessage(LogLevel.Warning, "Auth:SigningKey is not configured: tokens are signed with a key generated at start and stop working when the server stops. Set Auth:SigningKey (base64, 32+ bytes) to keep them across restarts, or Auth:Authority for single sign-on.")]
    private static partial void LogGeneratedKey(ILogger log);
}
