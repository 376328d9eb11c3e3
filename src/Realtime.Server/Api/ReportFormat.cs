using Realtime.Reports;

namespace Realtime.Server.Api;

/// <summary>The <c>?format=</c> of report routes: JSON (default), CSV or an Excel workbook.</summary>
public enum ReportFormat
{
    /// <summary>JSON (no <c>format</c>, or <c>json</c>).</summary>
    Json,
    /// <summary><c>csv</c>: UTF-8 with BOM, bilingual header row.</summary>
    Csv,
    /// <summary><c>xlsx</c>: an Office Open XML workbook.</summary>
    Xlsx,
}

/// <summary>Parses <c>?format=</c> and answers report files as downloads.</summary>
public static class ReportFormats
{
    /// <summary>Reads <paramref name="text"/>; false with a 400 naming <c>format</c> otherwise.</summary>
    public static bool TryParse(string? text, out ReportFormat format, out IResult problem)
    {
        problem = null!;
        format = text switch
        {
            null or "" or "json" => ReportFormat.Json,
            "csv" => ReportFormat.Csv,
            "xlsx" => ReportFormat.Xlsx,
            _ => (ReportFormat)(-1),
        };
        if (Enum.IsDefined(format)) return true;
        problem = Problems.BadParameter("format", $"'{text}' is not a format; expected json, csv or xlsx");
        return false;
    }

    /// <summary>An attachment download of <paramref name="sheets"/> as CSV (the first sheet) or a workbook, named <paramref name="baseName"/> plus the extension.</summary>
    public static IResult File(ReportFormat format, IReadOnlyList<ReportSheet> sheets, string baseName) => format == ReportFormat.Xlsx
        ? Results.File(XlsxWriter.Write(sheets), XlsxWriter.ContentType, baseName + ".xlsx")
        : Results.File(CsvWriter.Write(sheets[0]), CsvWriter.ContentType, baseName + ".csv");
}
