namespace Realtime.Reports;

/// <summary>A number with its own format, for columns that mix units (a KPI table's value column: percents beside seconds).</summary>
/// <param name="Value">The number, or null for no data (an empty cell).</param>
/// <param name="Format">How it is shown.</param>
public sealed record FormattedValue(double? Value, CellFormat Format);
