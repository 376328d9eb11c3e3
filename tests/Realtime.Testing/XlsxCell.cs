using System.Text.Json;

namespace Realtime.Testing;

/// <summary>One cell as openpyxl read it.</summary>
/// <param name="Value">The value as JSON (string, number, ISO date-time string, or null).</param>
/// <param name="NumberFormat">The cell's number format (<c>General</c> when none).</param>
public sealed record XlsxCell(JsonElement Value, string NumberFormat)
{
    /// <summary>The value as text ("" for no value).</summary>
    public string Text => Value.ValueKind switch
    {
        JsonValueKind.String => Value.GetString()!,
        JsonValueKind.Null => "",
        _ => Value.GetRawText(),
    };

    /// <summary>The value as a number, or null when the cell holds none.</summary>
    public double? Number => Value.ValueKind == JsonValueKind.Number ? Value.GetDouble() : null;
}
