using Microsoft.Extensions.Primitives;
using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Policies;
using Realtime.Grains.Policies;

namespace Realtime.Server.Hosting;

/// <summary>
/// Follows <c>Sla</c> through the configuration's reload token (appsettings.json reloads on change): a valid new
/// configuration is published to the <see cref="PolicyCatalog"/> at once, so new complaints and cases take it while running
/// ones keep theirs until <c>POST /api/policies/recalculate</c>. An invalid one (a value that does not bind, or breaks a
/// rule) is refused with one error naming the key and the value, as at start, and the policies in force stay.
/// Calendars are read at start.
/// </summary>
public sealed partial class PolicyReload(
    IConfiguration configuration, IReadOnlyDictionary<string, WorkingCalendar> calendars, PolicyCatalog catalog, ILogger<PolicyReload> log) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    // One edit can fire the reload token once per configuration layer: its refusal is logged once.
    private string? _lastRefused;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not the options monitor: it validates inside the change callback and throws there, and keeps nothing to fall back on.
        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();

    private void Reload()
    {
        try
        {
            // Bound as BindConfiguration binds it at start, so list defaults in code are replaced whole here too.
            var section = configuration.GetSection(SlaOptions.SectionName);
            var options = section.Get<SlaOptions>() ?? new SlaOptions();
            var errors = UnreadClocks.Of(section, options).Concat(options.Validate(calendars)).ToList();
            if (errors.Count > 0)
            {
                Refuse(string.Join("; ", errors.Select(e => $"Invalid {SlaOptions.SectionName} configuration: {e}")));
                return;
            }
            _lastRefused = null;
            if (catalog.Publish(options.ToPolicy(calendars), options.ToCasePolicy(calendars)))
                LogPublished(log, PolicyVersion.Of(catalog.CurrentComplaints), PolicyVersion.Of(catalog.CurrentCases));
        }
        catch (InvalidOperationException e)
        {
            // The binder's own refusal names the key and the value.
            Refuse($"Invalid {SlaOptions.SectionName} configuration: {e.Message}");
        }
    }

    private void Refuse(string problem)
    {
        if (problem == _lastRefused) return;
        _lastRefused = problem;
        LogRefused(log, problem);
    }

    [LoggerMessage(LogLevel.Warning, "Clock policies reloaded: complaints version {Complaints}, cases version {Cases} apply to new complaints and cases; running ones keep theirs until POST /api/policies/recalculate")]
    private static partial void LogPublished(ILogger log, string complaints, string cases);

    [LoggerMessage(LogLevel.Error, "Clock policies not reloaded, the policies in force stay: {Problem}")]
    private static partial void LogRefused(ILogger log, string problem);
}
