using System.Globalization;
using System.Text;
using Realtime.Grains;
using Realtime.Grains.Audit;
using Realtime.Server.Auth;

namespace Realtime.Server.Api;

/// <summary><c>GET /api/audit?from=&amp;to=&amp;user=&amp;format=csv</c>: the access audit, for auditors (the read is audited too).</summary>
public static class AuditEndpoints
{
    /// <summary>Most entries in one answer.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>Maps the audit endpoint.</summary>
    public static void MapAudit(this IEndpointRouteBuilder app) => app.MapGet("/api/audit", async (HttpContext http, string? from, string? to, string? user, string? format,
        AccessAuditor auditor, [FromKeyedServices(FloorClock.Key)] TimeProvider time, CancellationToken ct) =>
    {
        var now = time.GetUtcNow();
        if (!TryInstant(from, now.AddDays(-30), out var start)) return Problems.BadParameter("from", $"'{from}' is not an RFC 3339 instant, e.g. 2026-11-01T00:00:00+08:00");
        if (!TryInstant(to, now.AddSeconds(1), out var end)) return Problems.BadParameter("to", $"'{to}' is not an RFC 3339 instant, e.g. 2026-11-30T00:00:00+08:00");
        if (end < start) return Problems.BadParameter("to", "must not be before from");
        if (format is not (null or "" or "json" or "csv")) return Problems.BadParameter("format", $"'{format}' is not a format; expected json or csv");
        if (user is { Length: > 128 }) return Problems.BadParameter("user", "must be at most 128 characters");
        var entries = await auditor.Store.ReadAsync(start, end, string.IsNullOrEmpty(user) ? null : user, MaxEntries, ct);
        await auditor.RecordAsync(http.User, AccessActions.AuditRead, $"from={start:O} to={end:O} user={user}", null, ct);
        if (format != "csv") return Results.Ok(new { from = start, to = end, user, entries });
        return Results.File(Csv(entries), "text/csv; charset=utf-8", $"realtime-audit-{start:yyyyMMdd}-{end:yyyyMMdd}.csv");
    }).RequireAuthorization(Policies.Auditor);

    private static bool TryInstant(string? text, DateTimeOffset fallback, out DateTimeOffset instant)
    {
        instant = fallback;
        return string.IsNullOrEmpty(text) || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    private static byte[] Csv(IReadOnlyList<AccessAuditEntry> entries)
    {
        var csv = new StringBuilder("at,user,action,resource,reason\r\n");
        foreach (var e in entries)
            csv.Append(string.Join(',', new[] { e.At.ToString("O", CultureInfo.InvariantCulture), e.User, e.Action, e.Resource, e.Reason ?? "" }.Select(Field))).Append("\r\n");
        // A BOM so Excel opens the UTF-8 (Chinese names, reasons) as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
