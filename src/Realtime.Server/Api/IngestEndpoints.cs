using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Realtime.Domain.Events;
using Realtime.Grains.Ingest;
using Realtime.Server.Hosting;
using Realtime.Server.Ingest;

namespace Realtime.Server.Api;

/// <summary>Settings of the ingest endpoint (sections <c>Ingest</c> and <c>Auth</c>).</summary>
public sealed class IngestOptions
{
    /// <summary>The contract's limit of events per request.</summary>
    public const int MaxEventsPerRequest = 10_000;

    /// <summary>Default of <see cref="MaxBodyBytes"/>: 16 MiB, room for 10,000 events of ~1.6 KB.</summary>
    public const long DefaultMaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Largest accepted request body; larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>Default of <see cref="FailoverWait"/>: longer than the cluster takes to declare a dead server dead.</summary>
    public static readonly TimeSpan DefaultFailoverWait = TimeSpan.FromSeconds(20);

    /// <summary>How long a request waits for the journal's writer to move to a survivor when its server died (then 503).</summary>
    public TimeSpan FailoverWait { get; set; } = DefaultFailoverWait;

    /// <summary>Keys accepted in <c>X-Api-Key</c> (<c>Auth:IngestKeys</c>); none means ingest is open.</summary>
    public string[] IngestKeys { get; set; } = [];
}

/// <summary><c>POST /api/events</c>: validate the whole batch, journal it (all or nothing), answer 202 once durable.</summary>
public static class IngestEndpoints
{
    /// <summary>Maps the ingest endpoint.</summary>
    public static void MapIngest(this IEndpointRouteBuilder app) => app.MapPost("/api/events", IngestAsync);

    private static async Task<IResult> IngestAsync(HttpContext http, IGrainFactory grains, FloorEventReader reader, StorageReadiness readiness, IOptions<IngestOptions> options)
    {
        var settings = options.Value;
        if (settings.IngestKeys.Length > 0 && !IsAuthorized(http.Request.Headers["X-Api-Key"].ToString(), settings.IngestKeys))
            return Problems.Status(StatusCodes.Status401Unauthorized, "Missing or invalid API key", "Send a configured ingest key in the X-Api-Key header.");

        using var body = await RequestBody.ReadAsync(http.Request, settings.MaxBodyBytes, http.RequestAborted);
        if (body is null)
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body may be at most {settings.MaxBodyBytes} bytes.");

        List<EventError> errors = [];
        List<FloorEvent> events;
        try
        {
            using var document = JsonDocument.Parse(body.Memory);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return Problems.Invalid([new EventError(-1, "", "the body must be a JSON array of events")]);
            var count = document.RootElement.GetArrayLength();
            if (count > IngestOptions.MaxEventsPerRequest)
                return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Too many events", $"A request may carry at most {IngestOptions.MaxEventsPerRequest} events; this one has {count}.");
            events = new List<FloorEvent>(count);
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (reader.Read(element, index++, errors) is { } e) events.Add(e);
            }
        }
        catch (JsonException e)
        {
            return Problems.Invalid([new EventError(-1, "", "the body is not valid JSON: " + e.Message)]);
        }
        // The events hold their own strings now: the buffer goes back to the pool before the batch waits for its commit.
        body.Dispose();
        if (errors.Count > 0) return Problems.Invalid(errors);

        if (!readiness.IsReady)
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Storage not ready", readiness.Problem ?? "The server is starting.");
        // Whichever server took the request, the floor's one ingest writer journals and applies it.
        var result = await SubmitRidingOutFailoverAsync(grains, events, settings.FailoverWait, http.RequestAborted);
        if (result is null)
        {
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Events not acknowledged",
                "The server writing the journal failed and no other took over in time; the batch may or may not be stored. Retry it: events already stored are reported as duplicates.");
        }
        if (result.JournalProblem is { } problem)
        {
            readiness.ReportFailure(problem);
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Events not stored", "The journal could not store the batch; nothing of it was accepted. Retry later.");
        }
        if (result.ApplyProblem is not null)
        {
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Events stored, not applied",
                "The batch is in the journal but a grain could not apply it; it is not acknowledged and is applied again when the server restarts. Retrying returns it as duplicates.");
        }
        return Results.Json(new { accepted = result.Accepted, duplicates = result.Duplicates }, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// Submits to the ingest writer; if its server dies meanwhile, submits again (with a short pause) until the cluster has
    /// moved the writer to a survivor or <paramref name="wait"/> has passed (null then). A batch the dead writer had journaled
    /// comes back as duplicates the second time: its successor applies it from the journal.
    /// </summary>
    private static async Task<IngestResult?> SubmitRidingOutFailoverAsync(IGrainFactory grains, IReadOnlyList<FloorEvent> events, TimeSpan wait, CancellationToken aborted)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                return await grains.FloorIngestWriter().SubmitAsync(events);
            }
            catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
            {
                if (TimeProvider.System.GetElapsedTime(started) > wait) return null;
                await Task.Delay(FailoverRetryPause, aborted);
            }
        }
    }

    private static readonly TimeSpan FailoverRetryPause = TimeSpan.FromMilliseconds(250);

    private static bool IsAuthorized(string presented, string[] keys)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        var ok = false;
        foreach (var key in keys) ok |= CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key));
        return ok && presented.Length > 0;
    }
}
