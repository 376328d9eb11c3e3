using System.Security.Claims;
using Microsoft.Extensions.Options;
using Realtime.Grains;
using Realtime.Grains.Audit;

namespace Realtime.Server.Auth;

/// <summary>
/// Writes the access audit for the endpoints (who from the token, when from the server clock) and purges it past
/// <c>Audit:Retention</c> every hour once storage is ready.
/// </summary>
public sealed partial class AccessAuditor(
    IAccessAudit audit, IOptions<AuditOptions> options, [FromKeyedServices(FloorClock.Key)] TimeProvider time, Hosting.StorageReadiness readiness, ILogger<AccessAuditor> log)
    : BackgroundService
{
    /// <summary>The audit store.</summary>
    public IAccessAudit Store => audit;

    /// <summary>Records that <paramref name="user"/> did <paramref name="action"/> on <paramref name="resource"/>, for <paramref name="reason"/>.</summary>
    public Task RecordAsync(ClaimsPrincipal user, string action, string resource, string? reason = null, CancellationToken cancellationToken = default) =>
        RecordAsync(user.Identity?.Name ?? user.FindFirst(Roles.SubjectClaim)?.Value ?? "?", action, resource, reason, cancellationToken);

    /// <summary>Records that the user named <paramref name="user"/> did <paramref name="action"/> on <paramref name="resource"/>.</summary>
    public Task RecordAsync(string user, string action, string resource, string? reason = null, CancellationToken cancellationToken = default) =>
        audit.AppendAsync(new AccessAuditEntry(time.GetUtcNow(), user, action, resource, reason), cancellationToken);

    /// <summary>Removes the entries older than the retention period; returns how many.</summary>
    public Task<long> PurgeAsync(CancellationToken cancellationToken = default) => audit.PurgeBeforeAsync(time.GetUtcNow() - options.Value.Retention, cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var hourly = new PeriodicTimer(TimeSpan.FromHours(1), time);
        while (await hourly.WaitForNextTickAsync(stoppingToken))
        {
            if (!readiness.IsReady) continue;
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0) LogPurged(log, purged, options.Value.Retention);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Retention is a floor, not an instant: the next hour's purge catches up.
                LogPurgeFailed(log, e);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Access audit: purged {Count} entries older than {Retention} (Audit:Retention)")]
    private static partial void LogPurged(ILogger log, long count, TimeSpan retention);

    [LoggerMessage(LogLevel.Warning, "Access audit: the retention purge failed; it is tried again in an hour")]
    private static partial void LogPurgeFailed(ILogger log, Exception error);
}
