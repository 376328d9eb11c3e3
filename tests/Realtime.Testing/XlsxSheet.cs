using System.Text.Json;

namespace Realtime.Testing;

/// <summary>One worksheet as openpyxl read it (see <see cref="OpenPyxl"/>).</summary>
/// <param name="Title">The sheet's title.</param>
/// <param name="FrozenAt">The top-left cell of the scrolling area (e.g. <c>C3</c>), or null when nothing is frozen.</param>
/// <param name="Rows">Every row, each cell's value (string, number, ISO date-time or null) and number format.</param>
public sealed record XlsxSheet(string Title, string? FrozenAt, IReadOnlyList<IReadOnlyList<XlsxCell>> Rows)
{
    /// <summary>The column index (zero-based) whose header in row <paramref name="headerRow"/> (zero-based) is <paramref name="header"/>.</summary>
    public int Column(string header, int headerRow = 0)
    {
        var index = Rows[headerRow].ToList().FindIndex(c => c.Value is JsonElement { ValueKind: JsonValueKind.String } v && v.GetString() == header);
        return index >= 0 ? index : throw new KeyNotFoundException($"No header '{header}' in sheet '{Title}': {string.Join(", ", Rows[headerRow].Select(c => c.Text))}");
    }

    internal static XlsxSheet Of(JsonElement e) => new(
        e.GetProperty("title").GetString()!,
        e.GetProperty("freeze").ValueKind == JsonValueKind.Null ? null : e.GetProperty("freeze").GetString(),
        e.GetProperty("rows").EnumerateArray().Select(r => (IReadOnlyList<XlsxCell>)r.EnumerateArray().Select(c => new XlsxCell(c.GetProperty("v").Clone(), c.GetProperty("f").GetString()!)).ToList()).ToList());
}
