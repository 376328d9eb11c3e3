using System.Text;
using System.Text.Json;
using Realtime.Domain.Calendars;
using Realtime.Domain.Quarters;
using Realtime.Grains;
using Realtime.Grains.Quarters;

namespace Realtime.Server.Api;

/// <summary>
/// Quarter close and the frozen snapshots: <c>POST /api/quarters/{quarter}/close</c>, <c>GET /api/quarters</c>,
/// <c>GET /api/quarters/{quarter}/snapshot</c> (JSON, <c>?format=csv</c> or <c>?format=xlsx</c>), <c>GET /api/quarters/{quarter}/verify</c>,
/// <c>GET /api/agents/{id}/quarters</c>. The snapshot is embedded byte for byte as stored, so its hash can be checked by clients.
/// </summary>
public static class QuarterEndpoints
{
    /// <summary>Maps the quarter endpoints.</summary>
    public static void MapQuarters(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/quarters/{quarter}/close", async (string quarter, HttpContext http, QuarterCloser closer, Auth.AccessAuditor auditor,
            [FromKeyedServices(FloorClock.Key)] TimeProvider time, CancellationToken ct) =>
        {
            if (!TryQuarter(quarter, out var q, out var problem)) return problem;
            if (!InCalendarRange(q, closer.Calendar))
                return Problems.BadParameter("quarter", $"{q} lies beyond the range of the calendar ({closer.Calendar.TimeZoneId})");
            // A closed quarter is frozen for good: one that ended before any event would freeze an empty appraisal.
            if (await closer.Store.GetAsync(q, ct) is null && (await closer.Store.QuartersWithEventsAsync(closer.Calendar, q.Next(), ct)).Count == 0
                && closer.Calendar.QuarterOf(time.GetUtcNow()) > q)
            {
                return Problems.Status(StatusCodes.Status404NotFound, "No events in or before the quarter",
                    $"{q} ended before the first event the server holds; there is nothing to close.");
            }
            var outcome = await closer.CloseAsync(q, ct);
            if (outcome.Snapshot is not { } stored)
            {
                return Problems.Status(StatusCodes.Status409Conflict, "Quarter not over",
                    $"{q} ends at {outcome.EndsAt:yyyy-MM-dd'T'HH:mm:sszzz} ({closer.Calendar.TimeZoneId}); it can be closed from then on.");
            }

            await auditor.RecordAsync(http.User, Grains.Audit.AccessActions.QuarterClose, "quarter:" + q, null, ct);
            return Envelope(await closer.WithLateEventsAsync(stored, ct));
        }).RequireAuthorization(Auth.Policies.Manager);

        app.MapGet("/api/quarters/{quarter}/snapshot", async (string quarter, string? format, QuarterCloser closer, CancellationToken ct) =>
        {
            if (!TryQuarter(quarter, out var q, out var problem)) return problem;
            if (format is not (null or "" or "json" or "csv" or "xlsx")) return Problems.BadParameter("format", $"'{format}' is not a format; expected json, csv or xlsx");
            if (await closer.GetAsync(q, ct) is not { } closed) return NotClosed(q);
            if (format == "xlsx") return ReportEndpoints.SnapshotWorkbook(closer.Read(closed.Stored));
            if (format != "csv") return Envelope(closed);
            var csv = QuarterSnapshotCsv.Write(closer.Read(closed.Stored));
            return Results.File(csv, "text/csv; charset=utf-8", $"realtime-{q}.csv");
        });

        app.MapGet("/api/quarters", async (QuarterCloser closer, [FromKeyedServices(FloorClock.Key)] TimeProvider time, CancellationToken ct) =>
        {
            var current = closer.Calendar.QuarterOf(time.GetUtcNow());
            var closed = (await closer.Store.ListAsync(ct)).ToDictionary(s => s.Quarter);
            var closable = await closer.Store.QuartersWithEventsAsync(closer.Calendar, current, ct);
            var items = closable.Where(q => !closed.ContainsKey(q)).Select(q => new QuarterListItem(q.ToString(), "closable", null, null))
                .Concat(closed.Values.Select(s => new QuarterListItem(s.Quarter.ToString(), "closed", s.ClosedAt, s.Hash)))
                .Append(new QuarterListItem(current.ToString(), "open", null, null))
                .OrderByDescending(i => Quarter.Parse(i.Quarter))
                .ToList();
            return Results.Ok(items);
        });

        app.MapGet("/api/quarters/{quarter}/verify", async (string quarter, QuarterCloser closer, CancellationToken ct) =>
        {
            if (!TryQuarter(quarter, out var q, out var problem)) return problem;
            if (await closer.Store.GetAsync(q, ct) is not { } stored) return NotClosed(q);
            var v = await closer.VerifyAsync(stored, ct);
            return Results.Ok(new QuarterVerificationResource(q.ToString(), v.Verifiable, v.Matches, v.StoredHash, v.RecomputedHash, v.Reason));
        });

        app.MapGet("/api/agents/{id}/quarters", async (string id, QuarterCloser closer, CancellationToken ct) =>
        {
            var items = new List<AgentQuarterItem>();
            foreach (var stored in await closer.Store.ListAsync(ct))
            {
                if (closer.Read(stored).Agents.FirstOrDefault(a => a.AgentId == id) is not { } a) continue;
                items.Add(new AgentQuarterItem(stored.Quarter.ToString(), a.FinalScore, a.SelfTotal, a.SupervisorTotal, a.BonusCoefficient, a.RankInTeam, a.RankOnFloor));
            }

            return Results.Ok(items);
        });

        app.MapReports();
    }

    /// <summary><c>{quarter, hash, closedAt, lateEvents, snapshot}</c> with the stored bytes as <c>snapshot</c>.</summary>
    private static IResult Envelope(ClosedQuarter closed)
    {
        var stored = closed.Stored;
        using var buffer = new MemoryStream(stored.Content.Length + 256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("quarter", stored.Quarter.ToString());
            w.WriteString("hash", stored.Hash);
            w.WriteString("closedAt", stored.ClosedAt);
            w.WriteNumber("lateEvents", closed.LateEvents);
            w.WritePropertyName("snapshot");
            w.WriteRawValue(stored.Content, skipInputValidation: true);
            w.WriteEndObject();
        }

        return Results.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
    }

    private static IResult NotClosed(Quarter q) =>
        Problems.Status(StatusCodes.Status404NotFound, "Quarter not closed", $"{q} has no snapshot; close it with POST /api/quarters/{q}/close.");

    /// <summary>Whether the quarter's first and last instants exist in the calendar's zone (0001Q1 and 9999Q4 fall off the ends of DateTimeOffset).</summary>
    private static bool InCalendarRange(Quarter quarter, CompanyCalendar calendar)
    {
        try
        {
            _ = quarter.Start(calendar);
            _ = quarter.End(calendar);
            return quarter.Year > 1 && quarter.Year < 9999;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TryQuarter(string text, out Quarter quarter, out IResult problem)
    {
        problem = null!;
        if (Quarter.TryParse(text, out quarter)) return true;
        problem = Problems.BadParameter("quarter", $"'{text}' is not a quarter; expected the form 2026Q3 (four-digit year, capital Q, 1-4)");
        return false;
    }
}
