using Realtime.Testing;

namespace Realtime.Reports.Tests;

/// <summary>The workbook writer's conventions on any table.</summary>
public class XlsxWriterTests
{
    [Fact]
    public void Percents_are_fractions_of_any_number_type_text_stays_text_and_no_data_is_an_empty_cell()
    {
        var sheet = new ReportSheet(
            "测试 Test",
            [new("文本", "Text"), new("比率", "Rate", CellFormat.Percent), new("日期", "Date", CellFormat.Date), new("数", "Number")],
            [["=SUM(A1)", 95, new DateOnly(2026, 11, 2), 7], [null, 12.5, null, 1.25]]);

        var read = Assert.Single(OpenPyxl.Read(XlsxWriter.Write([sheet])));
        Assert.Equal("A3", read.FrozenAt);
        Assert.Equal("=SUM(A1)", read.Rows[2][0].Text);
        Assert.Equal(0.95, read.Rows[2][1].Number!.Value, 10);
        Assert.Equal("0.0%", read.Rows[2][1].NumberFormat);
        Assert.Equal("2026-11-02T00:00:00", read.Rows[2][2].Text);
        Assert.Equal(7, read.Rows[2][3].Number);
        Assert.Equal("General", read.Rows[2][3].NumberFormat);
        Assert.Equal("", read.Rows[3][0].Text);
        Assert.Equal(0.125, read.Rows[3][1].Number!.Value, 10);
    }

    [Fact]
    public void A_bad_sheet_name_or_a_short_row_is_refused_naming_it()
    {
        ReportColumn[] one = [new("列", "Column")];
        Assert.Contains("not a sheet name", Assert.Throws<ArgumentException>(() => XlsxWriter.Write([new ReportSheet("a/b", one, [])])).Message, StringComparison.Ordinal);
        Assert.Contains("row 0 has 2 cells for 1 columns", Assert.Throws<ArgumentException>(() => XlsxWriter.Write([new ReportSheet("s", one, [["a", "b"]])])).Message, StringComparison.Ordinal);
    }
}
