using System.Globalization;
using System.Text;

namespace Realtime.Domain.Privacy;

/// <summary>
/// Masks customer personal data for display, per the Personal Information Protection Law (个人信息保护法):
/// names keep their first character (张三丰 → 张**), 11-digit mobile numbers keep the first 3 and last 4 digits
/// (13812341234 → 138****1234). Null stays null.
/// </summary>
public static class PersonalDataMask
{
    private const char Mask = '*';

    /// <summary>
    /// Keeps the first character (text element, so rare CJK characters outside the BMP stay whole) and masks each
    /// following one. A one-character name is masked entirely, as keeping it would show the whole name.
    /// </summary>
    public static string? Name(string? name)
    {
        if (name is null)
            return null;
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
            return "";
        var characters = new StringInfo(trimmed).LengthInTextElements;
        if (characters == 1)
            return Mask.ToString();
        return StringInfo.GetNextTextElement(trimmed) + new string(Mask, characters - 1);
    }

    /// <summary>
    /// An 11-digit number keeps its first 3 and last 4 digits; any other value keeps only its last 4 digits and
    /// separators (spaces, +, -); a value with 4 digits or fewer is masked entirely.
    /// </summary>
    public static string? Phone(string? phone)
    {
        if (phone is null)
            return null;
        var trimmed = phone.Trim();
        if (trimmed.Length == 11 && trimmed.All(char.IsAsciiDigit))
            return string.Concat(trimmed.AsSpan(0, 3), "****", trimmed.AsSpan(7));

        var digits = trimmed.Count(char.IsAsciiDigit);
        var keepFrom = digits > 4 ? digits - 4 : int.MaxValue;
        var masked = new StringBuilder(trimmed.Length);
        var digitIndex = 0;
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c))
                masked.Append(digitIndex++ >= keepFrom ? c : Mask);
            else
                masked.Append(c is ' ' or '+' or '-' or '(' or ')' ? c : Mask);
        }
        return masked.ToString();
    }
}
