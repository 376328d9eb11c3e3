using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Realtime.Reports;

/// <summary>
/// Writes <see cref="ReportSheet"/>s as an Office Open XML workbook (.xlsx) with the Open XML SDK. Every sheet has two
/// header rows (Chinese, then English) frozen in place with its <see cref="ReportSheet.FrozenColumns"/>; numbers are
/// stored as numbers with a number format (never as formatted text), so they sum, sort and chart in Excel.
/// </summary>
public static class XlsxWriter
{
    /// <summary>The media type of an .xlsx file.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The header rows above the data.</summary>
    public const int HeaderRows = 2;

    // Style indexes in the stylesheet below; custom number formats start at 164 (lower ids are Excel's built-ins).
    private const uint HeaderStyle = 1;
    private static readonly Dictionary<CellFormat, uint> Styles = new()
    {
        [CellFormat.Text] = 0,
        [CellFormat.Integer] = 2,
        [CellFormat.OneDecimal] = 3,
        [CellFormat.Percent] = 4,
        [CellFormat.Date] = 5,
        [CellFormat.TwoDecimals] = 6,
    };

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>The workbook bytes of <paramref name="sheets"/>, in order (the first is the one shown on opening).</summary>
    public static byte[] Write(IReadOnlyList<ReportSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0) throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var strings = new SharedStrings();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                Validate(sheet);
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet, strings, selected: sheetId == 1);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
            }

            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table();
        }

        return stream.ToArray();
    }

    private static void Validate(ReportSheet sheet)
    {
        if (sheet.Name.Length is 0 or > 31 || sheet.Name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0)
            throw new ArgumentException($"'{sheet.Name}' is not a sheet name (1–31 characters, none of []:*?/\\).", nameof(sheet));
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            if (sheet.Rows[r].Count != sheet.Columns.Count)
                throw new ArgumentException($"Sheet '{sheet.Name}' row {r} has {sheet.Rows[r].Count} cells for {sheet.Columns.Count} columns.", nameof(sheet));
        }
    }

    private static Worksheet Worksheet(ReportSheet sheet, SharedStrings strings, bool selected)
    {
        var data = new SheetData();
        data.Append(HeaderRow(1, sheet.Columns.Select(c => c.HeaderZh), strings));
        data.Append(HeaderRow(2, sheet.Columns.Select(c => c.HeaderEn), strings));
        var rowIndex = (uint)HeaderRows;
        foreach (var cells in sheet.Rows)
        {
            var row = new Row { RowIndex = ++rowIndex };
            for (var c = 0; c < cells.Count; c++)
            {
                if (Cell(cells[c], sheet.Columns[c].Format, strings) is { } cell)
                {
                    cell.CellReference = Reference(c, rowIndex);
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        return new Worksheet(SheetViews(sheet.FrozenColumns, selected), Columns(sheet), data);
    }

    private static Row HeaderRow(uint index, IEnumerable<string> headers, SharedStrings strings)
    {
        var row = new Row { RowIndex = index };
        var c = 0;
        foreach (var header in headers)
        {
            row.Append(new Cell { CellReference = Reference(c++, index), DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index(header)), StyleIndex = HeaderStyle });
        }

        return row;
    }

    private static Cell? Cell(object? value, CellFormat format, SharedStrings strings)
    {
        if (value is FormattedValue f)
        {
            value = f.Value;
            format = f.Format;
        }

        return value switch
        {
            null => null,
            string s => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index(s)) },
            bool b => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index(b ? "是" : "否")) },
            DateOnly d => Number(d.DayNumber - ExcelEpoch.DayNumber, CellFormat.Date),
            int i => Number(i, format),
            long l => Number(l, format),
            double d when double.IsFinite(d) => Number(d, format),
            double => null,
            _ => throw new ArgumentException($"A report cell cannot hold a {value.GetType().Name}.", nameof(value)),
        };
    }

    /// <summary>A numeric cell; a percent given on the 0–100 scale is stored as its fraction (the <c>0.0%</c> format multiplies by 100); a number in a text column is shown as General.</summary>
    private static Cell Number(double value, CellFormat format) => new()
    {
        CellValue = new CellValue((format == CellFormat.Percent ? value / 100 : value).ToString("R", CultureInfo.InvariantCulture)),
        StyleIndex = Styles[format],
    };

    private static SheetViews SheetViews(int frozenColumns, bool selected)
    {
        var topLeft = Reference(frozenColumns, HeaderRows + 1);
        var pane = new Pane
        {
            VerticalSplit = HeaderRows,
            TopLeftCell = topLeft,
            ActivePane = frozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        };
        if (frozenColumns > 0) pane.HorizontalSplit = frozenColumns;
        var view = new SheetView(pane, new Selection { Pane = pane.ActivePane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
        {
            WorkbookViewId = 0,
            TabSelected = selected,
        };
        return new SheetViews(view);
    }

    private static Columns Columns(ReportSheet sheet)
    {
        var columns = new Columns();
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            var column = sheet.Columns[c];
            // Wide enough for the longer header (a CJK character takes about two widths of a Latin one), within reason.
            var width = Math.Clamp(Math.Max(DisplayWidth(column.HeaderZh), DisplayWidth(column.HeaderEn)) + 2, 8, 40);
            if (column.Format == CellFormat.Date) width = Math.Max(width, 12);
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = width, CustomWidth = true });
        }

        return columns;
    }

    private static int DisplayWidth(string text) => text.Sum(ch => ch > 0x2E80 ? 2 : 1);

    private static Stylesheet Stylesheet()
    {
        var font = new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" });
        var bold = new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" });
        var headerFill = new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid });
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0%" },
                new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = 167, FormatCode = "0.00" })
            { Count = 4 },
            new Fonts(font, bold) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), headerFill) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellFormats(
                new DocumentFormat.OpenXml.Spreadsheet.CellFormat(),
                new DocumentFormat.OpenXml.Spreadsheet.CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
                NumberStyle(1),
                NumberStyle(164),
                NumberStyle(165),
                NumberStyle(166),
                NumberStyle(167))
            { Count = 7 });
    }

    private static DocumentFormat.OpenXml.Spreadsheet.CellFormat NumberStyle(uint numberFormatId) =>
        new() { NumberFormatId = numberFormatId, ApplyNumberFormat = true };

    /// <summary>The A1 reference of zero-based column <paramref name="column"/> in one-based row <paramref name="row"/>.</summary>
    private static string Reference(int column, uint row)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The workbook's shared strings: each distinct text once, cells refer to it by index.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];

        public string Index(string text)
        {
            if (!_index.TryGetValue(text, out var i))
            {
                i = _items.Count;
                _items.Add(text);
                _index.Add(text, i);
            }

            return i.ToString(CultureInfo.InvariantCulture);
        }

        public SharedStringTable Table() =>
            new(_items.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve }))) { Count = (uint)_items.Count, UniqueCount = (uint)_items.Count };
    }
}
