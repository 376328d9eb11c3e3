using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Realtime.Server.Demo;

namespace Realtime.Server.Tests.Demo;

/// <summary>
/// The demo as a newcomer sees it: after the seeded history and a few simulated minutes (the fake clock moved a second at a
/// time), every board, scorecard and KPI of every window shows a value, every case clock KPI (claims, follow-ups) of the
/// floor and of each team too, the open counts of complaints and claims hold level, breaches and escalations happen, and
/// neither the log nor the case KPIs show a breach of the demo's own history.
/// </summary>
public sealed class DemoFloorTests
{
    private static readonly string[] Windows = ["today", "7d", "qtd"];

    /// <summary>The claims clocks shipped in appsettings.json (docs/cases.md).</summary>
    private static readonly string[] CaseClocks = ["surveyAcceptance", "smallClaimClosure", "smallInjuryClaimClosure", "unassessedClaimFollowUp", "followupRecordEntry"];

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Demo:Enabled"] = "true",
        ["Demo:Teams"] = "2",
        ["Demo:AgentsPerTeam"] = "4",
        ["Demo:HistoryComplaintsPerDay"] = "20",
        ["Demo:ClaimsPerDay"] = "40",
        // The test moves the fake clock a second at a time faster than grain turns run, so a live breach can be seen a few
        // seconds after its instant; a minute's tolerance absorbs that while any breach of the seeded history (hours or
        // days in the past) would still be reported late.
        ["Sla:LateTolerance"] = "00:01:00",
    };

    [Fact]
    public async Task A_seeded_demo_fills_every_figure_keeps_its_open_count_level_and_logs_no_late_breach()
    {
        var logs = new LogCapture();
        await using var app = new RealtimeApp(Settings);
        await using var server = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var client = server.CreateClient();
        var simulator = server.Services.GetServices<IHostedService>().OfType<DemoFloorSimulator>().Single();
        await simulator.Seeded.WaitAsync(TimeSpan.FromSeconds(120));

        // The seeded history ended every case clock it started within its target: a breach there would be one detected late.
        var seeded = await client.GetFromJsonAsync<JsonElement>("/api/floor/case-kpis?window=qtd");
        var seededBreaches = seeded.GetProperty("kpis").EnumerateArray().Where(k => k.GetProperty("breached").GetInt32() > 0).Select(k => k.GetProperty("clock").GetString()).ToList();
        Assert.True(seededBreaches.Count == 0, "seeded history breached: " + string.Join(", ", seededBreaches));

        var open = new List<int>();
        var openClaims = new List<int>();
        var breached = 0;
        var escalated = 0;
        for (var minute = 0; minute < 6; minute++)
        {
            for (var second = 0; second < 60; second++)
            {
                app.Time.Advance(TimeSpan.FromSeconds(1));
                await simulator.WaitUntilProcessedAsync(app.Time.GetUtcNow()).WaitAsync(TimeSpan.FromSeconds(30));
            }

            var board = await client.GetFromJsonAsync<JsonElement>("/api/floor/board?window=today&limit=500");
            open.Add(board.GetProperty("floor").GetProperty("openComplaints").GetInt32());
            breached = Math.Max(breached, board.GetProperty("floor").GetProperty("breachedComplaints").GetInt32());
            var items = (await client.GetFromJsonAsync<JsonElement>("/api/complaints?status=open&limit=500")).GetProperty("items").EnumerateArray();
            escalated = Math.Max(escalated, items.Count(c => c.GetProperty("escalationLevel").GetInt32() >= 1));
            openClaims.Add((await client.GetFromJsonAsync<JsonElement>("/api/cases?type=claim&status=open&limit=1")).GetProperty("total").GetInt32());
        }

        // Open complaints hold level: they neither only grow nor drain away.
        Assert.True(open[0] >= 10, $"open complaints after the first minute: {open[0]}");
        Assert.All(open, n => Assert.InRange(n, open[0] / 2, open[0] * 8 / 5));
        Assert.True(breached >= 1, "no open complaint showed a breached clock in six minutes");
        Assert.True(escalated >= 1, "no open complaint was escalated in six minutes");
        // Claims stay open for days to weeks: hundreds open, neither draining nor piling up over the minutes watched.
        Assert.True(openClaims[0] >= 100, $"open claims after the first minute: {openClaims[0]}");
        Assert.All(openClaims, n => Assert.InRange(n, openClaims[0] * 9 / 10, openClaims[0] * 11 / 10));

        var missing = new List<string>();
        foreach (var window in Windows)
        {
            var floor = await client.GetFromJsonAsync<JsonElement>($"/api/floor/board?window={window}");
            NoMissingKpi(floor.GetProperty("floor"), $"floor {window}", missing);
            foreach (var team in floor.GetProperty("teams").EnumerateArray()) NoMissingKpi(team, $"floor board {window} team {team.GetProperty("teamId")}", missing);
            foreach (var teamId in new[] { "T1", "T2" })
            {
                var board = await client.GetFromJsonAsync<JsonElement>($"/api/teams/{teamId}/board?window={window}");
                NoMissingKpi(board.GetProperty("kpis"), $"{teamId} board {window}", missing);
                Assert.Equal(4, board.GetProperty("agents").GetArrayLength());
                foreach (var agent in board.GetProperty("agents").EnumerateArray())
                {
                    if (agent.GetProperty("total").ValueKind == JsonValueKind.Null) missing.Add($"{teamId} board {window} agent {agent.GetProperty("agentId")} total");
                }
            }

            foreach (var agentId in new[] { "A101", "A102", "A103", "A104", "A201", "A202", "A203", "A204" })
            {
                var card = await client.GetFromJsonAsync<JsonElement>($"/api/agents/{agentId}/scorecard?window={window}");
                if (card.GetProperty("total").ValueKind == JsonValueKind.Null) missing.Add($"{agentId} {window} total");
                foreach (var d in card.GetProperty("dimensions").EnumerateArray())
                {
                    if (d.GetProperty("score").ValueKind == JsonValueKind.Null) missing.Add($"{agentId} {window} dimension {d.GetProperty("id")}");
                }

                foreach (var i in card.GetProperty("indicators").EnumerateArray())
                {
                    if (i.GetProperty("value").ValueKind == JsonValueKind.Null) missing.Add($"{agentId} {window} indicator {i.GetProperty("id")}");
                }
            }
        }

        foreach (var window in Windows)
        {
            foreach (var scope in new[] { "floor", "teams/T1", "teams/T2" })
            {
                var kpis = (await client.GetFromJsonAsync<JsonElement>($"/api/{scope}/case-kpis?window={window}")).GetProperty("kpis").EnumerateArray().ToList();
                foreach (var clock in CaseClocks)
                {
                    var kpi = kpis.FirstOrDefault(k => k.GetProperty("clock").GetString() == clock);
                    if (kpi.ValueKind != JsonValueKind.Object || kpi.GetProperty("rate").ValueKind == JsonValueKind.Null) missing.Add($"{scope} case KPI {clock} {window}");
                }
            }
        }

        // The case lists: the floor's and each team's open claims and follow-ups, and an agent's own cases.
        foreach (var list in new[] { "type=claim", "type=followup", "type=claim&team=T1", "type=claim&team=T2", "team=T2", "agent=A101", "agent=A204" })
        {
            var cases = await client.GetFromJsonAsync<JsonElement>($"/api/cases?status=open&{list}");
            if (cases.GetProperty("total").GetInt32() == 0) missing.Add($"open cases {list}");
        }

        Assert.Empty(missing);

        // The history reaches into the last quarter with its ratings: a manager can close it and rank every agent.
        var closed = await (await client.PostAsync("/api/quarters/2026Q3/close", null)).Content.ReadFromJsonAsync<JsonElement>();
        var agents = closed.GetProperty("snapshot").GetProperty("agents").EnumerateArray().ToList();
        Assert.Equal(8, agents.Count);
        Assert.All(agents, a => Assert.Equal(JsonValueKind.Number, a.GetProperty("finalScore").ValueKind));

        var warnings = logs.Entries.Where(e => e.Level >= LogLevel.Warning && (e.Message.Contains("late", StringComparison.OrdinalIgnoreCase) || e.Category.Contains("Demo", StringComparison.Ordinal))).ToList();
        Assert.True(warnings.Count == 0, "warnings: " + string.Join(" | ", warnings.Take(5).Select(w => w.Message)));
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Demo history seeded: 90 days", StringComparison.Ordinal));
    }

    /// <summary>Every KPI object (one with <c>value</c> and <c>goal</c>) of <paramref name="kpis"/> has a value.</summary>
    private static void NoMissingKpi(JsonElement kpis, string where, List<string> missing)
    {
        foreach (var p in kpis.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("goal", out _) && p.Value.GetProperty("value").ValueKind == JsonValueKind.Null)
                missing.Add($"{where} {p.Name}");
        }
    }
}
