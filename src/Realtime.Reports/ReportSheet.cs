namespace Realtime.Reports;

/// <summary>
/// One table of a report: a sheet of the workbook, or the whole of a CSV. A row holds one cell per column: null (no data,
/// an empty cell, never zero), a <see cref="string"/>, a number (<see cref="int"/>, <see cref="double"/>), a
/// <see cref="DateOnly"/>, a <see cref="bool"/> (是/否) or a <see cref="FormattedValue"/>.
/// </summary>
/// <param name="Name">The sheet name (at most 31 characters, none of <c>[]:*?/\</c>).</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
/// <param name="FrozenColumns">Leading columns kept in view when scrolling right (the identifying ones).</param>
public sealed record ReportSheet(string Name, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, int FrozenColumns = 0);
