namespace Realtime.Domain.Quarters;

/// <summary>One configured row of the bonus table (binding form of <see cref="BonusTier"/>).</summary>
public sealed class BonusTierOptions
{
    /// <summary>The lowest final score (inclusive) of the row.</summary>
    public double MinFinalScore { get; set; }

    /// <summary>The coefficient of the row.</summary>
    public double Coefficient { get; set; }
}
