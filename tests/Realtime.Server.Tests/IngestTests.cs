using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Realtime.Server.Tests;

/// <summary>The ingest contract: validation, whole-batch rejection, idempotency, keys and limits.</summary>
public sealed class IngestTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Repeated_ids_are_acknowledged_as_duplicates_and_not_applied_again()
    {
        var opened = Events.Opened("d-1", _app.Time.GetUtcNow());
        var first = await (await _app.PostEventsAsync(new[] { opened })).Content.ReadFromJsonAsync<JsonElement>();
        var again = await _app.PostEventsAsync(new[] { opened, opened });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var answer = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, first.GetProperty("accepted").GetInt32());
        Assert.Equal(0, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(2, answer.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task A_batch_with_one_bad_event_is_rejected_whole_naming_every_bad_field()
    {
        var now = _app.Time.GetUtcNow();
        var response = await _app.PostEventsAsync(new object[]
        {
            Events.Opened("b-1", now),
            new Dictionary<string, object?> { ["id"] = Events.NewId(), ["type"] = "complaint.opened", ["occurredAt"] = "2026-11-02 09:00", ["complaintId"] = "b-2" },
            new Dictionary<string, object?> { ["id"] = Events.NewId(), ["type"] = "survey.submitted", ["occurredAt"] = now.ToString("O"), ["agentId"] = "A1", ["score"] = 101 },
            new Dictionary<string, object?> { ["id"] = Events.NewId(), ["type"] = "agent.rated", ["occurredAt"] = now.ToString("O"), ["agentId"] = "A1", ["indicator"] = "charm", ["value"] = "high" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains((1, "occurredAt"), errors);
        Assert.Contains((1, "teamId"), errors);
        Assert.Contains((2, "score"), errors);
        Assert.Contains((3, "value"), errors);
        Assert.Contains((3, "indicator"), errors);
        Assert.DoesNotContain(errors, e => e.Item1 == 0);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/api/complaints/b-1")).StatusCode);
    }

    [Fact]
    public async Task Fields_are_read_however_the_json_spells_them()
    {
        // An escaped name is the same name; a repeated name counts its last value (as JsonElement.TryGetProperty does);
        // RFC 3339 allows a space or lower-case t and z, and a fraction finer than a tick, rounded to the nearest tick;
        // unknown fields are ignored.
        var body = """
            [
              {"\u0069d": "spell-1", "type": "complaint.opened", "occurredAt": "2026-11-02 01:00:00.123456789z", "complaintId": "s-1",
               "teamId": "T-wrong", "teamId": "T-right", "agentId": "A1", "note": "ignored"},
              {"id": "spell-2", "type": "complaint.opened", "occurredAt": "2026-11-02t09:00:00+08:00", "complaintId": "s-2", "teamId": "T1",
               "category": null, "\u0063ategory": "claims"},
              {"id": "spell-3", "type": "complaint.opened", "occurredAt": "2026-11-02T01:00:00.123456789Z", "complaintId": "s-3", "teamId": "T1"}
            ]
            """;
        var response = await _app.CreateClient().PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var client = _app.CreateClient();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/complaints/s-1");
        Assert.Equal("T-right", first.GetProperty("teamId").GetString());
        var nineDigits = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero).AddTicks(1_234_568);
        Assert.Equal(nineDigits, first.GetProperty("openedAt").GetDateTimeOffset());
        Assert.Equal(nineDigits, (await client.GetFromJsonAsync<JsonElement>("/api/complaints/s-3")).GetProperty("openedAt").GetDateTimeOffset());
        var second = await client.GetFromJsonAsync<JsonElement>("/api/complaints/s-2");
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), second.GetProperty("openedAt").GetDateTimeOffset());
        Assert.Equal("claims", second.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Malformed_json_and_non_arrays_are_400()
    {
        var client = _app.CreateClient();
        var broken = await client.PostAsync("/api/events", new StringContent("[{", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var notArray = await client.PostAsync("/api/events", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notArray.StatusCode);
    }

    [Fact]
    public async Task More_than_ten_thousand_events_is_413()
    {
        var now = _app.Time.GetUtcNow();
        var events = Enumerable.Range(0, 10_001).Select(i => Events.Complaint("complaint.paused", "big", now)).ToArray();
        var response = await _app.PostEventsAsync(events);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_byte_limit_is_413()
    {
        await using var app = new RealtimeApp(new() { ["Ingest:MaxBodyBytes"] = "1000" });
        var events = Enumerable.Range(0, 20).Select(i => Events.Opened("big-" + i, app.Time.GetUtcNow())).ToArray();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await app.PostEventsAsync(events)).StatusCode);
    }

    [Fact]
    public async Task A_body_without_a_length_is_read_whole_and_held_to_the_byte_limit()
    {
        // Streamed (no Content-Length): the server cannot size its buffer up front, so it grows it, and stops at the limit.
        var now = _app.Time.GetUtcNow();
        var many = JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(0, 400).Select(i => Events.Opened("stream-" + i, now)).ToArray());
        Assert.True(many.Length > 64 * 1024, "the body must outgrow the first buffer");
        var accepted = await _app.CreateClient().PostAsync("/api/events", new UnsizedContent(many));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(400, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());

        await using var small = new RealtimeApp(new() { ["Ingest:MaxBodyBytes"] = "1000" });
        var tooLong = JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(0, 20).Select(i => Events.Opened("long-" + i, now)).ToArray());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await small.CreateClient().PostAsync("/api/events", new UnsizedContent(tooLong))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await small.CreateClient().GetAsync("/api/complaints/long-0")).StatusCode);
    }

    /// <summary>A JSON body sent without a Content-Length.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task With_ingest_keys_configured_a_missing_or_wrong_key_is_401_and_a_right_one_is_accepted()
    {
        await using var app = new RealtimeApp(new() { ["Auth:IngestKeys:0"] = "k-one", ["Auth:IngestKeys:1"] = "k-two" });
        var client = app.CreateAnonymousClient();
        var batch = new[] { Events.Opened("k-1", app.Time.GetUtcNow()) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/events", batch)).StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/events", batch)).StatusCode);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", "k-two");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/events", batch)).StatusCode);
    }

    [Fact]
    public async Task Out_of_order_events_are_placed_by_their_own_time()
    {
        var opened = _app.Time.GetUtcNow().AddMinutes(-10);
        await _app.PostEventsAsync(new[] { Events.Complaint("complaint.responded", "o-1", opened.AddSeconds(90), "A1") });
        await _app.PostEventsAsync(new[] { Events.Opened("o-1", opened) });
        var complaint = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/complaints/o-1");
        var clock = complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "firstResponse");
        Assert.Equal("met", clock.GetProperty("state").GetString());
        Assert.Equal("PT1M30S", clock.GetProperty("elapsed").GetString());
    }
}
