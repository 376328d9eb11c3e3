using Realtime.Reports;

namespace Realtime.Server.Api;

/// <summary>Parses <c>?format=</c> and answers report files as downloads.</summary>
public static class ReportFormats
{
    /// <summary>Reads <paramref name="text"/>; false with a 400 naming <c>format</c> otherwise.</summary>
    public static bool TryParse(string? text, out ReportFormat format, out IResult problem)
    {
        problem = null!;
        switch (text)
        {
            case null or "" or "json":
                format = ReportFormat.Json;
                return true;
            case "csv":
                format = ReportFormat.Csv;
                return true;
            case "xlsx":
                format = ReportFormat.Xlsx;
                return true;
            default:
                format = default;
                problem = Problems.BadParameter("format", $"'{text}' is not a format; expected json, csv or xlsx");
                return false;
        }
    }

    /// <summary>An attachment download of <paramref name="sheets"/> as CSV (the first sheet) or a workbook, named <paramref name="baseName"/> plus the extension.</summary>
    public static IResult File(ReportFormat format, IReadOnlyList<ReportSheet> sheets, string baseName) => format == ReportFormat.Xlsx
        ? Results.File(XlsxWriter.Write(sheets), XlsxWriter.ContentType, baseName + ".xlsx")
        : Results.File(CsvWriter.Write(sheets[0]), CsvWriter.ContentType, baseName + ".csv");
}
