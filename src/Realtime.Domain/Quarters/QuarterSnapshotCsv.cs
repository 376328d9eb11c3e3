using System.Globalization;
using System.Text;

namespace Realtime.Domain.Quarters;

/// <summary>
/// The CSV export of a snapshot for managers: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF
/// line ends, one row per agent in snapshot order, headers "中文 / English". Columns, in this fixed order: agent, team,
/// self total, supervisor total, final score, bonus coefficient, rank in team, rank on floor, then one score column per
/// rubric dimension, then a value and a band column per rubric indicator (rubric order). Numbers are invariant
/// (<c>88.5</c>); no data is an empty cell.
/// </summary>
public static class QuarterSnapshotCsv
{
    /// <summary>The fixed leading headers.</summary>
    public static IReadOnlyList<string> LeadingHeaders { get; } =
    [
        "工号 / Agent", "团队 / Team", "自评总分 / Self total", "主管评分总分 / Supervisor total", "最终得分 / Final score",
        "奖金系数 / Bonus coefficient", "组内排名 / Rank in team", "全场排名 / Rank on floor",
    ];

    /// <summary>The CSV bytes (BOM included) of <paramref name="snapshot"/>.</summary>
    public static byte[] Write(QuarterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rubric = snapshot.Config.Rubric;
        var text = new StringBuilder();
        var headers = LeadingHeaders
            .Concat(rubric.Dimensions.Select(d => $"{d.LabelZh}得分 / {d.LabelEn} score"))
            .Concat(rubric.Indicators.SelectMany(i => new[] { $"{i.LabelZh} / {i.LabelEn}", $"{i.LabelZh} 等级 / {i.LabelEn} band" }));
        Line(text, headers);
        foreach (var a in snapshot.Agents)
        {
            var cells = new List<string?>
            {
                a.AgentId, a.TeamId, Number(a.SelfTotal), Number(a.SupervisorTotal), Number(a.FinalScore), Number(a.BonusCoefficient),
                Number(a.RankInTeam), Number(a.RankOnFloor),
            };
            cells.AddRange(rubric.Dimensions.Select(d => Number(a.Dimensions.FirstOrDefault(x => x.Id == d.Id)?.Score)));
            foreach (var indicator in rubric.Indicators)
            {
                var frozen = a.Indicators.FirstOrDefault(x => x.Id == indicator.Id);
                cells.Add(Number(frozen?.Value));
                cells.Add(frozen?.Band is { } band ? WireNames.Of(band) : null);
            }

            Line(text, cells);
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) text.Append(',');
            first = false;
            text.Append(Escape(cell ?? ""));
        }

        text.Append("\r\n");
    }

    private static string Escape(string cell)
    {
        // A leading = + - @ would make Excel evaluate the cell (CSV injection); such text gets a leading apostrophe (numbers are left alone).
        var risky = cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (risky) cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
