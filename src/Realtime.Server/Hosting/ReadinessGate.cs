using Realtime.Server.Api;

namespace Realtime.Server.Hosting;

/// <summary>
/// Reads of the floor answer 503 until start-up has recovered: before that, this server's board index does not yet hold
/// the open complaints, and a board that reloaded then would miss them until they next changed (dashboards retry a 503).
/// </summary>
public static class ReadinessGate
{
    /// <summary>Answers <c>GET /api/*</c> (but <c>/api/time</c>) with 503 problem details while <see cref="StorageReadiness"/> is not ready.</summary>
    public static void UseReadinessGate(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<StorageReadiness>();
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!readiness.IsReady && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/api/time"))
            {
                await Problems.Status(StatusCodes.Status503ServiceUnavailable, "Not ready", readiness.Problem ?? "The server is starting.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }
}
