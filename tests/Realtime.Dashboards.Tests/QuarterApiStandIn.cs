using System.Text.Json;
using Microsoft.Playwright;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// Answers the quarter endpoints of issue 7 inside the browser (Playwright routes) with a small fixed quarter,
/// so the manager view's quarter section can be tested on a server that does not have them yet.
/// </summary>
internal static class QuarterApiStandIn
{
    private static readonly Dictionary<IPage, int> CloseCounts = [];

    /// <summary>How many close requests the page sent.</summary>
    public static int CloseRequests(IPage page)
    {
        lock (CloseCounts) return CloseCounts.GetValueOrDefault(page);
    }

    /// <summary>Routes /api/quarters/** and /api/agents/*/quarters of <paramref name="page"/> to the stand-in.</summary>
    public static async Task InstallAsync(IPage page)
    {
        await page.RouteAsync("**/api/quarters", route => Json(route, new object[]
        {
            new { quarter = "2026Q4", status = "closable" },
            new { quarter = "2026Q3", status = "closed", closedAt = "2026-10-01T02:00:00+00:00", hash = new string('a', 64) },
        }));
        await page.RouteAsync("**/api/quarters/2026Q4/close", route =>
        {
            lock (CloseCounts) CloseCounts[page] = CloseCounts.GetValueOrDefault(page) + 1;
            return route.FulfillAsync(new()
            {
                Status = 409,
                ContentType = "application/problem+json",
                Body = JsonSerializer.Serialize(new { title = "Quarter not over", status = 409, detail = "2026Q4 is not over yet" }),
            });
        });
        await page.RouteAsync("**/api/quarters/2026Q3/snapshot", route => Json(route, Snapshot()));
        await page.RouteAsync("**/api/agents/*/quarters", route => Json(route, new object[]
        {
            new { quarter = "2026Q2", finalScore = 84.0, selfTotal = 86.0, supervisorTotal = 83.1, bonusCoefficient = 1.0, rankInTeam = 2, rankOnFloor = 3 },
            new { quarter = "2026Q3", finalScore = 91.5, selfTotal = 90.0, supervisorTotal = 92.1, bonusCoefficient = 1.2, rankInTeam = 1, rankOnFloor = 1 },
        }));
    }

    private static object Snapshot() => new
    {
        quarter = "2026Q3",
        hash = new string('a', 64),
        closedAt = "2026-10-01T02:00:00+00:00",
        lateEvents = 2,
        snapshot = new
        {
            agents = new[]
            {
                Agent("A-101", "T1", 91.5, 1.2, 1, 1, "excellent", "good"),
                Agent("A-102", "T2", 80.2, 1.0, 1, 2, "good", "good"),
                Agent("A-103", "T1", 58.0, 0.6, 2, 3, "pass", "fail"),
            },
            teams = new[] { new { teamId = "T1", rank = 2 }, new { teamId = "T2", rank = 1 } },
            department = new { },
        },
    };

    private static object Agent(string agentId, string teamId, double finalScore, double bonus, int rankInTeam, int rankOnFloor, string band1, string band2) => new
    {
        agentId,
        teamId,
        indicators = new[]
        {
            new { id = "satisfaction", value = 90.0, band = band1, points = 100.0 },
            new { id = "complaint_rate", value = 4.0, band = band2, points = 80.0 },
        },
        dimensions = new[] { new { id = "customer_satisfaction", score = finalScore, weight = 40.0 } },
        selfTotal = finalScore - 1,
        supervisorTotal = finalScore + 0.4,
        finalScore,
        bonusCoefficient = bonus,
        rankInTeam,
        rankOnFloor,
    };

    private static Task Json(IRoute route, object body) =>
        route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = JsonSerializer.Serialize(body) });
}
