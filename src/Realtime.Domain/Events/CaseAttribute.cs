using System.Globalization;

namespace Realtime.Domain.Events;

/// <summary>
/// One value of a case's <c>attributes</c>: a string, a number or a boolean, exactly one of them set. Kept typed so that a
/// clock condition compares numbers as numbers (<c>amount &lt; 3000</c>) and flags as flags (<c>injury == false</c>).
/// </summary>
/// <param name="Text">The value when it is a string.</param>
/// <param name="Number">The value when it is a number.</param>
/// <param name="Flag">The value when it is a boolean.</param>
public sealed record CaseAttribute(string? Text = null, double? Number = null, bool? Flag = null)
{
    /// <summary>A string value.</summary>
    public static CaseAttribute Of(string text) => new(Text: text);

    /// <summary>A number value.</summary>
    public static CaseAttribute Of(double number) => new(Number: number);

    /// <summary>A boolean value.</summary>
    public static CaseAttribute Of(bool flag) => new(Flag: flag);

    /// <summary>The value as a plain object (string, double or bool), for the wire.</summary>
    public object? Value => Text ?? (object?)Number ?? Flag;

    /// <inheritdoc />
    public override string ToString() => Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : Flag is { } f ? (f ? "true" : "false") : $"'{Text}'";
}
