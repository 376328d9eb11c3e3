namespace Realtime.Reports;

/// <summary>One column of a report: its Chinese and English header and how its values are shown.</summary>
/// <param name="HeaderZh">The Chinese header (first header row).</param>
/// <param name="HeaderEn">The English header (second header row).</param>
/// <param name="Format">How the column's numbers are shown (a <see cref="FormattedValue"/> cell overrides it).</param>
public sealed record ReportColumn(string HeaderZh, string HeaderEn, CellFormat Format = CellFormat.Text);
