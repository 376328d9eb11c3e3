using System.Globalization;

namespace Realtime.Server.Api;

/// <summary>How many days, weeks or months a series or breakdown covers: <c>?days=</c>, <c>?weeks=</c> or <c>?months=</c>.</summary>
public static class PeriodCount
{
    /// <summary>
    /// Reads <paramref name="text"/> (the value of query parameter <paramref name="parameter"/>): <paramref name="fallback"/>
    /// when absent, else a whole number from 1 to <paramref name="max"/>; otherwise <paramref name="problem"/> names the parameter.
    /// </summary>
    public static bool TryParse(string? text, string parameter, int fallback, int max, out int count, out IResult problem)
    {
        problem = Results.Empty;
        count = fallback;
        if (string.IsNullOrEmpty(text)) return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1 && count <= max) return true;
        problem = Problems.BadParameter(parameter, $"must be from 1 to {max}");
        return false;
    }
}
