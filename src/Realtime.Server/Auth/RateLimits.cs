using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Realtime.Server.Api;

namespace Realtime.Server.Auth;

/// <summary>
/// ASP.NET Core's rate limiter on ingest (a token bucket per user or ingest key: <c>Ingest:RateLimit:*</c>) and on the built-in
/// sign-in (per client address, against password guessing). Over the limit: <c>429</c> problem details with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    /// <summary>The policy on <c>POST /api/events</c>.</summary>
    public const string Ingest = "ingest";

    /// <summary>The policy on <c>POST /api/auth/token</c>.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Sign-in attempts per client address per minute.</summary>
    public const int SignInsPerMinute = 10;

    /// <summary>Registers the limiter and its policies.</summary>
    public static void AddRealtimeRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.Status(StatusCodes.Status429TooManyRequests, "Too many requests", $"Over the rate limit; retry after {seconds} s.").ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(Ingest, http =>
            {
                var limits = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestOptions>>().Value.RateLimit;
                return RateLimitPartition.GetTokenBucketLimiter(http.User.Identity?.Name ?? "anonymous", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = SignInsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
        });
    }
}
