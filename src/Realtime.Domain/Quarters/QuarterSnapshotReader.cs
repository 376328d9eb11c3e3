using System.Globalization;
using System.Text.Json;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Quarters;

/// <summary>Reads the canonical bytes of <see cref="QuarterSnapshotJson"/> back into a <see cref="QuarterSnapshot"/>.</summary>
public static class QuarterSnapshotReader
{
    /// <summary>The snapshot in <paramref name="content"/>.</summary>
    /// <exception cref="JsonException">Not a snapshot.</exception>
    public static QuarterSnapshot Read(ReadOnlyMemory<byte> content)
    {
        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;
        try
        {
            return new QuarterSnapshot(
                Quarter.Parse(root.GetProperty("quarter").GetString()!),
                root.GetProperty("timeZone").GetString()!,
                DateTimeOffset.Parse(root.GetProperty("from").GetString()!, CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(root.GetProperty("to").GetString()!, CultureInfo.InvariantCulture),
                ReadConfig(root.GetProperty("config")),
                root.GetProperty("agents").EnumerateArray().Select(ReadAgent).ToArray(),
                root.GetProperty("teams").EnumerateArray().Select(t => new TeamAppraisal(
                    t.GetProperty("teamId").GetString()!,
                    ReadKpis(t.GetProperty("kpis")),
                    Double(t, "meanFinalScore"),
                    Int(t, "rank"))).ToArray(),
                ReadKpis(root.GetProperty("department").GetProperty("kpis")))
            {
                BreachCauses = root.TryGetProperty("breachCauses", out var causes) ? ReadCauses(causes) : null,
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new JsonException("Not a quarter snapshot: " + e.Message, e);
        }
    }

    private static BreachCauses.BreachCauseSummary ReadCauses(JsonElement e)
    {
        static SortedDictionary<string, int> Reasons(JsonElement r) =>
            new(r.GetProperty("reasons").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal), StringComparer.Ordinal);
        static BreachCauses.BreachCauseCount[] Counts(JsonElement a) =>
            a.EnumerateArray().Select(c => new BreachCauses.BreachCauseCount(c.GetProperty("id").GetString()!, c.GetProperty("teamId").GetString(), c.GetProperty("total").GetInt32(), Reasons(c))).ToArray();
        return new BreachCauses.BreachCauseSummary(e.GetProperty("total").GetInt32(), Reasons(e), Counts(e.GetProperty("teams")), Counts(e.GetProperty("agents")));
    }

    /// <summary>Reads only the KPIs of every team and of the department (what verify keeps from the stored snapshot).</summary>
    public static (IReadOnlyDictionary<string, QuarterKpis> Teams, QuarterKpis Department) ReadKpis(ReadOnlyMemory<byte> content)
    {
        var snapshot = Read(content);
        return (snapshot.Teams.ToDictionary(t => t.TeamId, t => t.Kpis, StringComparer.Ordinal), snapshot.Department);
    }

    private static QuarterConfiguration ReadConfig(JsonElement config)
    {
        var rubric = config.GetProperty("rubric");
        var p = rubric.GetProperty("points");
        var points = new BandPoints(p.GetProperty("excellent").GetDouble(), p.GetProperty("good").GetDouble(), p.GetProperty("pass").GetDouble(), p.GetProperty("fail").GetDouble());
        var dimensions = rubric.GetProperty("dimensions").EnumerateArray().Select(d =>
        {
            var id = d.GetProperty("id").GetString()!;
            var indicators = d.GetProperty("indicators").EnumerateArray().Select(i =>
            {
                var e = i.GetProperty("edges");
                return new RubricIndicator(
                    i.GetProperty("id").GetString()!, id, i.GetProperty("labelZh").GetString()!, i.GetProperty("labelEn").GetString()!,
                    i.GetProperty("source").GetString() == "live" ? IndicatorSource.Live : IndicatorSource.Manual,
                    i.GetProperty("unit").GetString() switch
                    {
                        "score" => IndicatorUnit.Score,
                        "percent" => IndicatorUnit.Percent,
                        "seconds" => IndicatorUnit.Seconds,
                        _ => IndicatorUnit.Count,
                    },
                    i.GetProperty("direction").GetString() == "higherIsBetter" ? Direction.HigherIsBetter : Direction.LowerIsBetter,
                    new BandEdges(e.GetProperty("excellent").GetDouble(), e.GetProperty("good").GetDouble(), e.GetProperty("pass").GetDouble(), e.GetProperty("excellentInclusive").GetBoolean()),
                    i.GetProperty("weight").GetDouble());
            }).ToArray();
            return new RubricDimension(id, d.GetProperty("labelZh").GetString()!, d.GetProperty("labelEn").GetString()!, d.GetProperty("weight").GetDouble(), indicators);
        }).ToArray();
        var t = config.GetProperty("kpiTargets");
        var targets = new KpiTargets
        {
            SatisfactionAverage10 = Double(t, "satisfactionAverage10"),
            ResolvedWithin48hRate = Double(t, "resolvedWithin48hRate"),
            QuickResolution7dRate = Double(t, "quickResolution7dRate"),
            AverageFirstResponseSeconds = Double(t, "averageFirstResponseSeconds"),
            FirstContactResolutionRate = Double(t, "firstContactResolutionRate"),
            FollowupCoverage = Double(t, "followupCoverage"),
            FollowupRecordCompliance = Double(t, "followupRecordCompliance"),
        };
        var b = config.GetProperty("bonusTable");
        var bonus = new BonusTable(
            b.GetProperty("tiers").EnumerateArray().Select(r => new BonusTier(r.GetProperty("minFinalScore").GetDouble(), r.GetProperty("coefficient").GetDouble())).ToArray(),
            b.GetProperty("belowLowest").GetDouble());
        return new QuarterConfiguration(new Rubric(dimensions, points), targets, bonus)
        {
            SlaClocks = config.TryGetProperty("slaClocks", out var clocks) ? clocks.EnumerateArray().Select(ReadClock).ToArray() : null,
        };
    }

    private static Clocks.ClockPolicy ReadClock(JsonElement c)
    {
        static EventType Event(JsonElement c, string name) =>
            EventTypeNames.TryParse(c.GetProperty(name).GetString(), out var type) ? type : throw new FormatException($"Unknown event type in slaClocks.{name}.");
        return new Clocks.ClockPolicy(
            c.GetProperty("name").GetString()!,
            Event(c, "startEvent"),
            Event(c, "stopEvent"),
            TimeSpan.ParseExact(c.GetProperty("target").GetString()!, "c", CultureInfo.InvariantCulture),
            Clocks.ClockPolicy.DefaultWarnAt,
            c.GetProperty("pausable").GetBoolean(),
            c.GetProperty("onReopen").GetString() == "restart" ? Clocks.ReopenRule.Restart : Clocks.ReopenRule.Resume);
    }

    private static AgentAppraisal ReadAgent(JsonElement a) => new(
        a.GetProperty("agentId").GetString()!,
        a.GetProperty("teamId").GetString(),
        a.GetProperty("indicators").EnumerateArray().Select(i => new SnapshotIndicator(
            i.GetProperty("id").GetString()!,
            Double(i, "value"),
            i.GetProperty("band").GetString() switch
            {
                null => null,
                "excellent" => Band.Excellent,
                "good" => Band.Good,
                "pass" => Band.Pass,
                _ => Band.Fail,
            },
            Double(i, "points"))).ToArray(),
        a.GetProperty("dimensions").EnumerateArray().Select(d => new SnapshotDimension(
            d.GetProperty("id").GetString()!, Double(d, "score"), d.GetProperty("weight").GetDouble())).ToArray(),
        Double(a, "selfTotal"),
        Double(a, "supervisorTotal"),
        Double(a, "finalScore"),
        Double(a, "bonusCoefficient"),
        Int(a, "rankInTeam"),
        Int(a, "rankOnFloor"));

    private static QuarterKpis ReadKpis(JsonElement k)
    {
        QuarterKpi Kpi(string name)
        {
            var e = k.GetProperty(name);
            var met = e.GetProperty("met");
            return new QuarterKpi(Double(e, "value"), Double(e, "target"),
                e.GetProperty("goal").GetString() == "atMost" ? KpiGoal.AtMost : KpiGoal.AtLeast,
                met.ValueKind == JsonValueKind.Null ? null : met.GetBoolean());
        }

        var categories = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in k.GetProperty("complaintsByCategory").EnumerateObject()) categories[c.Name] = c.Value.GetInt32();
        return new QuarterKpis(
            k.GetProperty("complaintsOpened").GetInt32(),
            k.GetProperty("complaintsResolved").GetInt32(),
            k.GetProperty("servicesHandled").GetInt32(),
            Kpi("resolvedWithin48hRate"),
            Kpi("quickResolution7dRate"),
            Kpi("averageFirstResponseSeconds"),
            Kpi("satisfactionAverage10"),
            Kpi("firstContactResolutionRate"),
            Kpi("followupCoverage"),
            Kpi("followupRecordCompliance"),
            categories);
    }

    private static double? Double(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: not JsonValueKind.Null } v ? v.GetDouble() : null;

    private static int? Int(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: not JsonValueKind.Null } v ? v.GetInt32() : null;
}
