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
