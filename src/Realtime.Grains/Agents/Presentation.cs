namespace Realtime.Grains.Agents;

/// <summary>Rounding for presentation: the wire shows 1 decimal, the grains keep full precision.</summary>
public static class Presentation
{
    /// <summary><paramref name="value"/> rounded half away from zero to <paramref name="decimals"/> places (null stays null).</summary>
    public static double? Round(double? value, int decimals = 1) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;
}
