using Realtime.Domain.Calendars;
using Realtime.Domain.Quarters;
using Realtime.Grains.Quarters;
using Realtime.Reports;

namespace Realtime.Server.Api;

/// <summary>
/// Report routes beside the quarter endpoints: <c>GET /api/quarters/{quarter}/ranking</c> and the team competition
/// <c>GET /api/quarters/{quarter}/teams</c> (JSON, <c>?format=csv</c> or <c>xlsx</c>), and the workbook of a whole snapshot used by <c>GET /api/quarters/{quarter}/snapshot?format=xlsx</c>.
/// </summary>
public static class ReportEndpoints
{
    /// <summary>Maps the report routes.</summary>
    public static void MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/quarters/{quarter}/ranking", async (string quarter, string? format, QuarterCloser closer, CancellationToken ct) =>
        {
            var (found, problem) = await ClosedSnapshotAsync(quarter, format, closer, ct);
            if (found is not var (q, f, hash, snapshot)) return problem!;
            if (f != ReportFormat.Json) return ReportFormats.File(f, [QuarterSnapshotWorkbook.Ranking(snapshot)], $"realtime-{q}-ranking");
            var items = snapshot.Agents
                .OrderBy(a => a.RankOnFloor ?? int.MaxValue).ThenBy(a => a.AgentId, StringComparer.Ordinal)
                .Select(a => new RankingItem(a.RankOnFloor, a.AgentId, a.TeamId, a.FinalScore, a.BonusCoefficient, a.RankInTeam, a.SelfTotal, a.SupervisorTotal))
                .ToList();
            return Results.Ok(new QuarterRanking(q.ToString(), hash, items));
        });

        // The group competition (季度竞赛): teams by their rank in the snapshot, with the KPIs they were judged on.
        app.MapGet("/api/quarters/{quarter}/teams", async (string quarter, string? format, QuarterCloser closer, CancellationToken ct) =>
        {
            var (found, problem) = await ClosedSnapshotAsync(quarter, format, closer, ct);
            if (found is not var (q, f, hash, snapshot)) return problem!;
            if (f != ReportFormat.Json) return ReportFormats.File(f, [QuarterSnapshotWorkbook.Teams(snapshot)], $"realtime-{q}-teams");
            var items = snapshot.Teams
                .OrderBy(t => t.Rank ?? int.MaxValue).ThenBy(t => t.TeamId, StringComparer.Ordinal)
                .Select(t => new TeamRankingItem(t.Rank, t.TeamId, t.MeanFinalScore, snapshot.Agents.Count(a => a.TeamId == t.TeamId), t.Kpis))
                .ToList();
            return Results.Ok(new TeamRanking(q.ToString(), hash, items));
        });
    }

    /// <summary>The closed snapshot a report route reads, or the problem that answers it (bad quarter or format, not closed).</summary>
    private static async Task<((Quarter Quarter, ReportFormat Format, string Hash, QuarterSnapshot Snapshot)? Found, IResult? Problem)> ClosedSnapshotAsync(
        string quarter, string? format, QuarterCloser closer, CancellationToken ct)
    {
        if (!Quarter.TryParse(quarter, out var q))
            return (null, Problems.BadParameter("quarter", $"'{quarter}' is not a quarter; expected the form 2026Q3 (four-digit year, capital Q, 1-4)"));
        if (!ReportFormats.TryParse(format, out var f, out var problem)) return (null, problem);
        if (await closer.GetAsync(q, ct) is not { } closed)
            return (null, Problems.Status(StatusCodes.Status404NotFound, "Quarter not closed", $"{q} has no snapshot; close it with POST /api/quarters/{q}/close."));
        return ((q, f, closed.Stored.Hash, closer.Read(closed.Stored)), null);
    }

    /// <summary>The whole snapshot as a workbook download (<c>realtime-2026Q3.xlsx</c>).</summary>
    public static IResult SnapshotWorkbook(QuarterSnapshot snapshot) =>
        Results.File(QuarterSnapshotWorkbook.Write(snapshot), XlsxWriter.ContentType, QuarterSnapshotWorkbook.FileName(snapshot, "xlsx"));
}
