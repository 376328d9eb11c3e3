using System.Globalization;
using System.Text;

namespace Realtime.Reports;

/// <summary>
/// Writes one <see cref="ReportSheet"/> as CSV the way the snapshot CSV does: UTF-8 with a byte-order mark (so Excel
/// reads Chinese), CRLF, one header row "中文 / English", invariant numbers as the domain holds them (a percent is
/// 95.5, not 0.955), dates <c>yyyy-MM-dd</c>, no data as an empty cell.
/// </summary>
public static class CsvWriter
{
    /// <summary>The media type of the CSV answers.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The CSV bytes (BOM included) of <paramref name="sheet"/>.</summary>
    public static byte[] Write(ReportSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var text = new StringBuilder();
        Line(text, sheet.Columns.Select(c => $"{c.HeaderZh} / {c.HeaderEn}"));
        foreach (var row in sheet.Rows) Line(text, row.Select(Cell));
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        FormattedValue f => Cell(f.Value),
        string s => s,
        bool b => b ? "是" : "否",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        double => "",
        _ => throw new ArgumentException($"A report cell cannot hold a {value.GetType().Name}.", nameof(value)),
    };

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) text.Append(',');
            first = false;
            text.Append(Escape(cell));
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
