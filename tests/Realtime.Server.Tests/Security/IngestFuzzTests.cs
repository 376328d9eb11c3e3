using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsCheck;
using Realtime.Testing;
using Xunit.Abstractions;

namespace Realtime.Server.Tests.Security;

/// <summary>
/// Issue 23, part 6: a property-based fuzz (CsCheck) of at least 10,000 generated malformed requests against the real server
/// (in process, with every middleware): every one is answered 4xx, none 5xx, and the floor's state (complaints, scorecards,
/// boards, quarters) hashes the same before and after. Each generator breaks its request for sure (a missing required field,
/// a wrong type, an instant outside the window, invalid text, a truncated body, a wrong media type …), so any 2xx is a bug.
/// </summary>
public sealed class IngestFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Requests the fuzz sends at least.</summary>
    private const int Requests = 10_000;

    // A limit no fuzz reaches: the fuzz is about input, the rate limit has its own test.
    private readonly RealtimeApp _app = new(new() { ["Ingest:RateLimit:RequestsPerSecond"] = "1000000", ["Ingest:RateLimit:Burst"] = "1000000" });

    private HttpClient _client = null!;
    private string _now = "";

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        var now = _app.Time.GetUtcNow();
        _now = now.ToString("O");
        var q3 = new DateTimeOffset(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));
        var seed = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 6; i++) seed.Add(Events.Opened("fz-" + i, now.AddMinutes(-30 + i), team: i % 2 == 0 ? "T1" : "T2", agent: i % 2 == 0 ? "A1" : "A2"));
        seed.Add(Events.Complaint("complaint.responded", "fz-0", now.AddMinutes(-29), "A1"));
        seed.Add(ScorecardEvents.Service("A1", now.AddMinutes(-20), "T1"));
        seed.Add(ScorecardEvents.Survey("A1", now.AddMinutes(-19), 90));
        seed.Add(Events.Opened("fz-q3", q3));
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(seed, _client)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/quarters/2026Q3/close", null)).StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>One generated request.</summary>
    private sealed record FuzzRequest(string Kind, string Method, string Path, string? ContentType, byte[]? Body)
    {
        public override string ToString() => $"{Kind}: {Method} {Path} [{ContentType}] {(Body is null ? "" : Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 300)]))}";
    }

    /// <summary>What the floor's reads answer now, path by path (the state the fuzz must not change).</summary>
    private async Task<Dictionary<string, string>> StateAsync()
    {
        string[] reads =
        [
            "/api/complaints?status=open&limit=2000", "/api/floor/board?window=today", "/api/floor/board?window=qtd", "/api/teams/T1/board", "/api/teams/T2/board",
            "/api/agents/A1/scorecard?window=qtd", "/api/agents/A2/scorecard?window=today", "/api/quarters", "/api/quarters/2026Q3/snapshot", "/api/teams",
            .. Enumerable.Range(0, 6).Select(i => "/api/complaints/fz-" + i), "/api/complaints/fz-q3",
        ];
        var state = new Dictionary<string, string>();
        foreach (var path in reads)
        {
            var response = await _client.GetAsync(path);
            // A problem answer's traceId differs per request; the rest of it is state.
            var body = System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\"", "");
            state[path] = $"{(int)response.StatusCode} " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        }
        return state;
    }

    private static string Hash(Dictionary<string, string> state) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", state.Select(p => p.Key + " " + p.Value)))));

    private static readonly string[] Types = ["complaint.opened", "complaint.assigned", "complaint.resolved", "survey.submitted", "agent.rated", "service.handled", "followup.completed", "praise.received"];

    /// <summary>A valid event of <paramref name="type"/> (its required fields), to be broken.</summary>
    private Dictionary<string, object?> Valid(string type, int n)
    {
        var e = new Dictionary<string, object?> { ["id"] = "fuzz-" + n, ["type"] = type, ["occurredAt"] = _now };
        switch (type)
        {
            case "complaint.opened": e["complaintId"] = "fz-new-" + n; e["teamId"] = "T1"; break;
            case "complaint.assigned": e["complaintId"] = "fz-1"; e["agentId"] = "A9"; break;
            case "complaint.resolved": e["complaintId"] = "fz-2"; break;
            case "survey.submitted": e["agentId"] = "A1"; e["score"] = 10; break;
            case "agent.rated": e["agentId"] = "A1"; e["indicator"] = "knowledge_test"; e["value"] = 10; break;
            case "service.handled": e["agentId"] = "A1"; e["teamId"] = "T1"; break;
            case "followup.completed": e["agentId"] = "A1"; e["customerId"] = "C1"; e["visitedAt"] = _now; break;
            default: e["agentId"] = "A2"; break;
        }
        return e;
    }

    private static string[] Required(string type) => type switch
    {
        "complaint.opened" => ["id", "type", "occurredAt", "complaintId", "teamId"],
        "complaint.assigned" => ["id", "type", "occurredAt", "complaintId", "agentId"],
        "complaint.resolved" => ["id", "type", "occurredAt", "complaintId"],
        "survey.submitted" => ["id", "type", "occurredAt", "agentId", "score"],
        "agent.rated" => ["id", "type", "occurredAt", "agentId", "indicator", "value"],
        "service.handled" => ["id", "type", "occurredAt", "agentId", "teamId"],
        "followup.completed" => ["id", "type", "occurredAt", "agentId", "customerId", "visitedAt"],
        _ => ["id", "type", "occurredAt", "agentId"],
    };

    private const string Placeholder = "@@FUZZ@@";

    private static readonly byte[][] BadUtf8 = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80]];

    private static readonly string[] LoneSurrogates = ["\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud83d", "\\ude00x", "\\ud800\\ud800"];

    /// <summary>One event broken one way, as (kind, JSON of the event with maybe a placeholder for raw bytes).</summary>
    private Gen<(string Kind, Dictionary<string, object?> Event, byte[]? Raw)> BrokenEvent()
    {
        var typed = Gen.Select(Gen.OneOf(Types), Gen.Int[0, 1_000_000]);
        return Gen.OneOf(
            typed.Select(Gen.Int[0, 10], (t, k) =>
            {
                var (type, n) = t;
                var e = Valid(type, n);
                var required = Required(type);
                e.Remove(required[k % required.Length]);
                return ("missing field", e, (byte[]?)null);
            }),
            typed.Select(Gen.Int[0, 10], Gen.OneOf<object?>(123, true, false, new[] { 1, 2 }, new Dictionary<string, int> { ["a"] = 1 }), (t, k, value) =>
            {
                var (type, n) = t;
                var e = Valid(type, n);
                var field = Required(type)[k % Required(type).Length];
                // A number where a number belongs is no break: those get a string instead.
                e[field] = field is "score" or "value" ? "high" : value;
                return ("wrong type", e, (byte[]?)null);
            }),
            typed.Select(Gen.OneOf(
                Gen.Int[6, 5_000_000].Select(m => _app.Time.GetUtcNow().AddMinutes(m).ToString("O")),
                Gen.Int[401, 700_000].Select(d => _app.Time.GetUtcNow().AddDays(-d).ToString("O")),
                Gen.OneOf("9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-11-02T09:00:00", "2026-13-45T25:61:61Z", "2026-11-02", "now", "", " ",
                    "2026-11-02T09:00:00+25:00", "20261102T090000Z", "2026-11-02T09:00:00.1234567890123Z"),
                Gen.Char['a', 'z'].Array[1, 20].Select(c => new string(c)).Select(s => "x" + s)), (t, time) =>
            {
                var (type, n) = t;
                var e = Valid(type, n);
                e[type == "followup.completed" && n % 2 == 0 ? "visitedAt" : "occurredAt"] = time;
                return ("bad instant", e, (byte[]?)null);
            }),
            typed.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz."].Array[1, 30].Select(c => new string(c)), (t, name) =>
            {
                var e = Valid(t.Item1, t.Item2);
                e["type"] = "x." + name;
                return ("unknown type", e, (byte[]?)null);
            }),
            typed.Select(Gen.OneOf(Gen.Int[129, 400].Select(l => new string('i', l)), Gen.OneOf("", " ", "\t\n")), Gen.Int[0, 10], (t, id, k) =>
            {
                var (type, n) = t;
                var e = Valid(type, n);
                var ids = Required(type).Where(f => f is "id" or "complaintId" or "agentId" or "teamId" or "customerId").ToArray();
                e[ids[k % ids.Length]] = id;
                return ("bad id", e, (byte[]?)null);
            }),
            typed.Select(Gen.OneOf(BadUtf8), Gen.OneOf("customerName", "reason", "note", "teamId", "id"), (t, bytes, field) =>
            {
                var e = Valid(t.Item1, t.Item2);
                e[field] = "ab" + Placeholder + "cd";
                return ("invalid utf-8", e, (byte[]?)bytes);
            }),
            typed.Select(Gen.OneOf(LoneSurrogates), Gen.OneOf("customerName", "reason", "note", "category", "id"), (t, escape, field) =>
            {
                var e = Valid(t.Item1, t.Item2);
                e[field] = "ab" + Placeholder + "cd";
                return ("lone surrogate", e, (byte[]?)Encoding.ASCII.GetBytes(escape));
            }),
            Gen.Int[0, 1_000_000].Select(Gen.OneOf(
                Gen.Double[100.001, 1e12].Select(v => ("score", v)), Gen.Double[-1e12, -0.001].Select(v => ("score", v)),
                Gen.Int[4, 1000].Select(v => ("level", (double)v)), Gen.Int[-1000, 0].Select(v => ("level", (double)v)),
                Gen.Double[-1e9, -0.001].Select(v => ("responseSeconds", v)), Gen.Double[1_000_001, 1e300].Select(v => ("value", v))), (n, bad) =>
            {
                var type = bad.Item1 switch { "score" => "survey.submitted", "level" => "complaint.escalated", "value" => "agent.rated", _ => "service.handled" };
                var e = type == "complaint.escalated" ? new Dictionary<string, object?> { ["id"] = "fuzz-" + n, ["type"] = type, ["occurredAt"] = _now, ["complaintId"] = "fz-3" } : Valid(type, n);
                e[bad.Item1] = bad.Item2;
                return ("out of range", e, (byte[]?)null);
            }));
    }

    private static byte[] Serialize(object value, byte[]? raw)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value);
        if (raw is null) return json;
        var at = json.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Placeholder));
        return [.. json.AsSpan(0, at), .. raw, .. json.AsSpan(at + Placeholder.Length)];
    }

    private Gen<FuzzRequest> Requests_()
    {
        var json = "application/json";
        var broken = BrokenEvent();
        var goodBatch = Gen.Int[0, 1_000_000].Select(Gen.Int[1, 4], (n, count) => Enumerable.Range(0, count).Select(i => (object)Valid(Types[(n + i) % Types.Length], n * 10 + i)).ToList());
        return Gen.Frequency(
            (6, broken.Select(b => new FuzzRequest(b.Kind, "POST", "/api/events", json, Serialize(new[] { b.Event }, b.Raw)))),
            (3, Gen.Select(broken, goodBatch, Gen.Int[0, 5], (b, good, at) =>
            {
                // Good events around one bad one: the batch is rejected whole.
                var batch = new List<object>(good);
                batch.Insert(Math.Min(at, batch.Count), b.Event);
                return new FuzzRequest("batch with " + b.Kind, "POST", "/api/events", json, Serialize(batch, b.Raw));
            })),
            (1, Gen.Select(goodBatch, Gen.Int[0, int.MaxValue], (good, cut) =>
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(good);
                return new FuzzRequest("truncated", "POST", "/api/events", json, body[..(cut % body.Length)]);
            })),
            (1, Gen.Select(goodBatch, Gen.OneOf<string?>("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "text/json", null),
                (good, type) => new FuzzRequest("media type", "POST", "/api/events", type, JsonSerializer.SerializeToUtf8Bytes(good)))),
            (1, Gen.OneOf(
                Gen.Byte.Array[0, 200].Select(b => new FuzzRequest("random bytes", "POST", "/api/events", json, [0x00, .. b])),
                Gen.OneOf("{}", "\"events\"", "42", "null", "true", "{\"id\":\"x\"}", "[1,2,3]", "[null]", "[[]]", "[\"x\"]").Select(b =>
                    new FuzzRequest("not an array of events", "POST", "/api/events", json, Encoding.UTF8.GetBytes(b))))),
            (1, Gen.OneOf(
                Gen.OneOf("2026Q5", "2026q3", "26Q3", "0001Q1", "9999Q4", "2020Q1", "Q3", "2026Q0", "abcdef", "2026Q3x").Select(q => new FuzzRequest("bad quarter", "POST", $"/api/quarters/{q}/close", null, null)),
                Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"].Array[1, 12].Select(c => new string(c)).Select(w => new FuzzRequest("bad window", "GET", "/api/agents/A1/scorecard?window=x" + w, null, null)),
                Gen.OneOf("zip", "pdf", "CSV ", "xlsx2").Select(f => new FuzzRequest("bad format", "GET", "/api/quarters/2026Q3/snapshot?format=" + Uri.EscapeDataString(f), null, null)),
                Gen.OneOf("yesterday", "2026-13-01", "x").Select(f => new FuzzRequest("bad audit range", "GET", "/api/audit?from=" + f, null, null)),
                Gen.Int[0, 1_000_000].Select(n => new FuzzRequest("no reason", "GET", "/api/complaints/fz-1?unmasked=true&reason=", null, null)))));
    }

    [Fact]
    public async Task Ten_thousand_malformed_requests_are_all_4xx_and_change_nothing()
    {
        // Complaints tell agents and teams their facts after the 202: the state to keep is the one it settles on.
        var before = await StateAsync();
        await Eventually.TrueAsync(async () =>
        {
            var again = await StateAsync();
            var settled = Hash(again) == Hash(before);
            before = again;
            return settled;
        }, "the seeded floor settles");
        var sent = 0;
        var byStatus = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await Requests_().SampleAsync(async request =>
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
            if (request.Body is not null)
            {
                message.Content = new ByteArrayContent(request.Body);
                if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
            var response = await _client.SendAsync(message);
            Interlocked.Increment(ref sent);
            byStatus.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500) throw new InvalidOperationException($"answered {status}: {await response.Content.ReadAsStringAsync()}");
        }, iter: Requests, threads: 2, print: r => r.ToString());

        output.WriteLine($"{sent} requests: " + string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")));
        Assert.True(sent >= Requests, $"only {sent} requests were sent");
        Assert.Equal(0, byStatus.Where(s => s.Key >= 500).Sum(s => s.Value));
        var after = await StateAsync();
        Assert.True(Hash(before) == Hash(after), "changed: " + string.Join(", ", before.Keys.Where(k => before[k] != after[k])));
    }
}
