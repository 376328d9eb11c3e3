using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Realtime.Domain.Events;
using Realtime.Grains;
using Realtime.Grains.Ingest;
using Realtime.Server.Hosting;
using Realtime.Server.Ingest;

namespace Realtime.Server.Api;

/// <summary><c>POST /api/events</c>: validate the whole batch, journal it (all or nothing), answer 202 once durable.</summary>
public static partial class IngestEndpoints
{
    /// <summary>Maps the ingest endpoint.</summary>
    public static void MapIngest(this IEndpointRouteBuilder app) => app.MapPost("/api/events", IngestAsync).RequireRateLimiting(Auth.RateLimits.Ingest);

    private static async Task<IResult> IngestAsync(HttpContext http, IGrainFactory grains, FloorEventReader reader, StorageReadiness readiness,
        IOptions<IngestOptions> options, [FromKeyedServices(FloorClock.Key)] TimeProvider time, ILogger<IngestPipeline> log)
    {
        // Who may ingest (role ingest: a token, or a key of Auth:IngestKeys) is settled by the authorization policy on the route.
        var settings = options.Value;
        // Only JSON: a form or text/plain body is what a page on another origin can send without a CORS preflight.
        if (!IsJson(http.Request.ContentType))
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"The body must be application/json (was '{http.Request.ContentType}').");

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
            var window = new InstantWindow(time.GetUtcNow(), settings.MaxEventAge, settings.MaxClockSkew);
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (reader.Read(element, index++, errors, window) is { } e) events.Add(e);
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
        var conflicts = Conflicts(events, result.Conflicts);
        if (conflicts.Count > 0) LogConflicts(log, conflicts.Count, string.Join(", ", conflicts.Select(c => c.Id).Take(20)));
        return Results.Json(new IngestAnswer(result.Accepted, result.Duplicates, conflicts), statusCode: StatusCodes.Status202Accepted);
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

    /// <summary>Each conflicting event with its index in the batch.</summary>
    private static List<IngestConflict> Conflicts(List<FloorEvent> events, IReadOnlyList<FloorEvent> conflicts)
    {
        if (conflicts.Count == 0) return [];
        var conflicting = conflicts.ToHashSet(ReferenceEqualityComparer.Instance);
        var found = new List<IngestConflict>();
        for (var i = 0; i < events.Count; i++)
        {
            if (conflicting.Contains(events[i])) found.Add(new IngestConflict(i, events[i].Id, "this id is already used by an event with a different payload; this event was not applied"));
        }
        return found;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && string.Equals(parsed.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(LogLevel.Warning, "Ingest: {Count} event id(s) were reused with a different payload and not applied: {Ids}")]
    private static partial void LogConflicts(ILogger log, int count, string ids);
}
