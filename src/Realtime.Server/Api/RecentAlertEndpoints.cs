using System.Globalization;
using System.Text.Json;
using Realtime.Grains.Live;
using Realtime.Server.Live;

namespace Realtime.Server.Api;

/// <summary>
/// The recent warnings, breaches and escalations of a live scope, for a board's ticker when it opens or reconnects:
/// <c>GET /api/floor/alerts</c>, <c>/api/teams/{id}/alerts</c>, <c>/api/agents/{id}/alerts</c>. Who may read which is
/// the boards' rule (<see cref="Auth.ScopeFilter"/>): the floor for managers, a team for its supervisors, an agent for
/// themself and their supervisors.
/// </summary>
public static class RecentAlertEndpoints
{
    /// <summary>Alerts answered without <c>?limit=</c>: as many as a board's ticker shows.</summary>
    public const int DefaultLimit = 40;

    /// <summary>The most alerts one answer holds.</summary>
    public const int MaxLimit = 100;

    /// <summary>Maps the three routes.</summary>
    public static void MapRecentAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/floor/alerts", (string? limit, RecentAlerts alerts) => Answer(LiveScopes.Floor, limit, alerts));
        app.MapGet("/api/teams/{id}/alerts", (string id, string? limit, RecentAlerts alerts) => Answer(LiveScopes.Team(id), limit, alerts));
        app.MapGet("/api/agents/{id}/alerts", (string id, string? limit, RecentAlerts alerts) => Answer(LiveScopes.Agent(id), limit, alerts));
    }

    private static IResult Answer(string scope, string? limit, RecentAlerts alerts)
    {
        var top = DefaultLimit;
        // Read as text, so "?limit=ten" is named like "?limit=0" instead of failing the binding without a field.
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > MaxLimit))
            return Problems.BadParameter("limit", $"must be a whole number from 1 to {MaxLimit}");
        // A team or agent without alerts (or unknown) has none to show: an empty list, as a quiet board's ticker.
        var items = alerts.Newest(scope, top)
            .Select(a => new RecentAlertItem(a.Kind, a.At, JsonSerializer.Deserialize<JsonElement>(a.Payload.Span)))
            .ToList();
        return Results.Ok(new RecentAlertList(items));
    }
}
