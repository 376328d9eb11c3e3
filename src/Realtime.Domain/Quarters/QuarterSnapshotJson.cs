using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Realtime.Domain.Events;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Quarters;

/// <summary>
/// The canonical bytes of a <see cref="QuarterSnapshot"/>: UTF-8 JSON, no whitespace, camelCase, a fixed property
/// order, invariant shortest round-trip numbers (computed values are already rounded to 4 decimals, configuration
/// values are written exactly), non-ASCII text unescaped, instants as <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c> in the company zone, nulls written.
/// The snapshot's hash is the lowercase hex SHA-256 of exactly these bytes. <see cref="QuarterSnapshotReader"/> reads
/// them back so that writing what was read gives the same bytes.
/// </summary>
public static class QuarterSnapshotJson
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    // Chinese labels and '+' of offsets are written as themselves, not as \u escapes: readable, and just as fixed.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The canonical bytes of <paramref name="snapshot"/>.</summary>
    public static byte[] Serialize(QuarterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("quarter", snapshot.Quarter.ToString());
            w.WriteString("timeZone", snapshot.TimeZone);
            w.WriteString("from", snapshot.From.ToString(InstantFormat, CultureInfo.InvariantCulture));
            w.WriteString("to", snapshot.To.ToString(InstantFormat, CultureInfo.InvariantCulture));
            WriteConfig(w, snapshot.Config);
            w.WriteStartArray("agents");
            foreach (var agent in snapshot.Agents) WriteAgent(w, agent);
            w.WriteEndArray();
            w.WriteStartArray("teams");
            foreach (var team in snapshot.Teams)
            {
                w.WriteStartObject();
                w.WriteString("teamId", team.TeamId);
                w.WritePropertyName("kpis");
                WriteKpis(w, team.Kpis);
                Number(w, "meanFinalScore", team.MeanFinalScore);
                Number(w, "rank", team.Rank);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("department");
            w.WritePropertyName("kpis");
            WriteKpis(w, snapshot.Department);
            w.WriteEndObject();
            if (snapshot.BreachCauses is { } causes) WriteCauses(w, causes);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="content"/>.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static void WriteConfig(Utf8JsonWriter w, QuarterConfiguration config)
    {
        w.WriteStartObject("config");
        w.WriteStartObject("rubric");
        var points = config.Rubric.Points;
        w.WriteStartObject("points");
        w.WriteNumber("excellent", points.Excellent);
        w.WriteNumber("good", points.Good);
        w.WriteNumber("pass", points.Pass);
        w.WriteNumber("fail", points.Fail);
        w.WriteEndObject();
        w.WriteStartArray("dimensions");
        foreach (var d in config.Rubric.Dimensions)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("labelZh", d.LabelZh);
            w.WriteString("labelEn", d.LabelEn);
            w.WriteNumber("weight", d.Weight);
            w.WriteStartArray("indicators");
            foreach (var i in d.Indicators)
            {
                w.WriteStartObject();
                w.WriteString("id", i.Id);
                w.WriteString("labelZh", i.LabelZh);
                w.WriteString("labelEn", i.LabelEn);
                w.WriteString("source", WireNames.Of(i.Source));
                w.WriteString("unit", WireNames.Of(i.Unit));
                w.WriteString("direction", WireNames.Of(i.Direction));
                w.WriteStartObject("edges");
                w.WriteNumber("excellent", i.Edges.Excellent);
                w.WriteNumber("good", i.Edges.Good);
                w.WriteNumber("pass", i.Edges.Pass);
                w.WriteBoolean("excellentInclusive", i.Edges.ExcellentInclusive);
                w.WriteEndObject();
                w.WriteNumber("weight", i.Weight);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        var t = config.KpiTargets;
        w.WriteStartObject("kpiTargets");
        Number(w, "satisfactionAverage10", t.SatisfactionAverage10);
        Number(w, "resolvedWithin48hRate", t.ResolvedWithin48hRate);
        Number(w, "quickResolution7dRate", t.QuickResolution7dRate);
        Number(w, "averageFirstResponseSeconds", t.AverageFirstResponseSeconds);
        Number(w, "firstContactResolutionRate", t.FirstContactResolutionRate);
        Number(w, "followupCoverage", t.FollowupCoverage);
        Number(w, "followupRecordCompliance", t.FollowupRecordCompliance);
        w.WriteEndObject();
        w.WriteStartObject("bonusTable");
        w.WriteStartArray("tiers");
        foreach (var tier in config.BonusTable.Tiers)
        {
            w.WriteStartObject();
            w.WriteNumber("minFinalScore", tier.MinFinalScore);
            w.WriteNumber("coefficient", tier.Coefficient);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("belowLowest", config.BonusTable.BelowLowest);
        w.WriteEndObject();
        if (config.SlaClocks is { } clocks)
        {
            // What decides the clocks' outcomes (warnings and escalation do not enter a snapshot).
            w.WriteStartArray("slaClocks");
            foreach (var c in clocks)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("startEvent", c.StartEvent.ToWireName());
                w.WriteString("stopEvent", c.StopEvent.ToWireName());
                w.WriteString("target", c.Target.ToString("c", CultureInfo.InvariantCulture));
                w.WriteBoolean("pausable", c.Pausable);
                w.WriteString("onReopen", c.OnReopen == Clocks.ReopenRule.Restart ? "restart" : "resume");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        w.WriteStartObject("finalScore");
        w.WriteNumber("selfWeight", FinalAppraisal.SelfWeight);
        w.WriteNumber("supervisorWeight", FinalAppraisal.SupervisorWeight);
        w.WriteNumber("decimals", FinalAppraisal.Decimals);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteAgent(Utf8JsonWriter w, AgentAppraisal a)
    {
        w.WriteStartObject();
        w.WriteString("agentId", a.AgentId);
        w.WriteString("teamId", a.TeamId);
        w.WriteStartArray("indicators");
        foreach (var i in a.Indicators)
        {
            w.WriteStartObject();
            w.WriteString("id", i.Id);
            Number(w, "value", i.Value);
            w.WriteString("band", i.Band is { } band ? WireNames.Of(band) : null);
            Number(w, "points", i.Points);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("dimensions");
        foreach (var d in a.Dimensions)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            Number(w, "score", d.Score);
            w.WriteNumber("weight", d.Weight);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Number(w, "selfTotal", a.SelfTotal);
        Number(w, "supervisorTotal", a.SupervisorTotal);
        Number(w, "finalScore", a.FinalScore);
        Number(w, "bonusCoefficient", a.BonusCoefficient);
        Number(w, "rankInTeam", a.RankInTeam);
        Number(w, "rankOnFloor", a.RankOnFloor);
        w.WriteEndObject();
    }

    private static void WriteCauses(Utf8JsonWriter w, BreachCauses.BreachCauseSummary causes)
    {
        w.WriteStartObject("breachCauses");
        w.WriteNumber("total", causes.Total);
        WriteReasons(w, causes.Reasons);
        foreach (var (name, counts) in new[] { ("teams", causes.Teams), ("agents", causes.Agents) })
        {
            w.WriteStartArray(name);
            foreach (var c in counts)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("teamId", c.TeamId);
                w.WriteNumber("total", c.Total);
                WriteReasons(w, c.Reasons);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteReasons(Utf8JsonWriter w, IReadOnlyDictionary<string, int> reasons)
    {
        w.WriteStartObject("reasons");
        foreach (var (code, count) in reasons.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteNumber(code, count);
        w.WriteEndObject();
    }

    private static void WriteKpis(Utf8JsonWriter w, QuarterKpis k)
    {
        w.WriteStartObject();
        w.WriteNumber("complaintsOpened", k.ComplaintsOpened);
        w.WriteNumber("complaintsResolved", k.ComplaintsResolved);
        w.WriteNumber("servicesHandled", k.ServicesHandled);
        foreach (var (name, kpi) in k.Named())
        {
            w.WriteStartObject(name);
            Number(w, "value", kpi.Value);
            Number(w, "target", kpi.Target);
            w.WriteString("goal", kpi.Goal == KpiGoal.AtLeast ? "atLeast" : "atMost");
            if (kpi.Met is { } met) w.WriteBoolean("met", met);
            else w.WriteNull("met");
            w.WriteEndObject();
        }

        w.WriteStartObject("complaintsByCategory");
        foreach (var (category, count) in k.ComplaintsByCategory.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteNumber(category, count);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
