using Microsoft.Extensions.Options;
using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Policies;
using Realtime.Grains.Policies;

namespace Realtime.Server.Hosting;

/// <summary>
/// Follows <c>Sla</c> through <see cref="IOptionsMonitor{TOptions}"/> (appsettings.json reloads on change): a valid new
/// configuration is published to the <see cref="PolicyCatalog"/> at once, so new complaints and cases take it while running
/// ones keep theirs until <c>POST /api/policies/recalculate</c>. An invalid one never gets here (the monitor's validation
/// refuses it, naming the key) and the policies in force stay. Calendars are read at start.
/// </summary>
public sealed partial class PolicyReload(
    IOptionsMonitor<SlaOptions> sla, IReadOnlyDictionary<string, WorkingCalendar> calendars, PolicyCatalog catalog, ILogger<PolicyReload> log) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = sla.OnChange((options, _) => Publish(options));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();

    private void Publish(SlaOptions options)
    {
        try
        {
            if (catalog.Publish(options.ToPolicy(calendars), options.ToCasePolicy(calendars)))
                LogPublished(log, PolicyVersion.Of(catalog.CurrentComplaints), PolicyVersion.Of(catalog.CurrentCases));
        }
        catch (InvalidOperationException e)
        {
            // A clock naming a calendar added since start: calendars are read at start only.
            LogRefused(log, e.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Clock policies reloaded: complaints version {Complaints}, cases version {Cases} apply to new complaints and cases; running ones keep theirs until POST /api/policies/recalculate")]
    private static partial void LogPublished(ILogger log, string complaints, string cases);

    [LoggerMessage(LogLevel.Error, "Clock policies not reloaded, the policies in force stay: {Problem}")]
    private static partial void LogRefused(ILogger log, string problem);
}
