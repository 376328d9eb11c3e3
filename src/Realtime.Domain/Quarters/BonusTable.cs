namespace Realtime.Domain.Quarters;

/// <summary>
/// The bonus coefficient (奖金系数) lookup of the final appraisal: the row with the highest
/// <see cref="BonusTier.MinFinalScore"/> at or below the final score wins (lower edges inclusive);
/// a score below every row earns <see cref="BelowLowest"/>. <see cref="Default"/> is a DEFAULT, not a
/// rule from the source documents: configure the real table under <c>Quarters:BonusTable</c>.
/// </summary>
public sealed class BonusTable
{
    /// <summary>Creates a table; rows may come in any order but their minimum scores must be distinct.</summary>
    /// <exception cref="ArgumentException">The rows are invalid (see <see cref="Validate"/>).</exception>
    public BonusTable(IReadOnlyList<BonusTier> tiers, double belowLowest = 0)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var errors = Validate(tiers, belowLowest);
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(tiers));
        Tiers = [.. tiers.OrderByDescending(t => t.MinFinalScore)];
        BelowLowest = belowLowest;
    }

    /// <summary>The default table: ≥ 95 → 1.5, ≥ 85 → 1.2, ≥ 75 → 1.0, ≥ 60 → 0.8, below 60 → 0.</summary>
    public static BonusTable Default { get; } = new([new(95, 1.5), new(85, 1.2), new(75, 1.0), new(60, 0.8)], 0);

    /// <summary>The rows, highest minimum first.</summary>
    public IReadOnlyList<BonusTier> Tiers { get; }

    /// <summary>The coefficient of a final score below every row.</summary>
    public double BelowLowest { get; }

    /// <summary>The coefficient for <paramref name="finalScore"/>.</summary>
    public double CoefficientFor(double finalScore)
    {
        foreach (var tier in Tiers)
        {
            if (finalScore >= tier.MinFinalScore) return tier.Coefficient;
        }

        return BelowLowest;
    }

    /// <summary>Every problem with <paramref name="tiers"/> and <paramref name="belowLowest"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<BonusTier> tiers, double belowLowest)
    {
        var errors = new List<string>();
        for (var i = 0; i < tiers.Count; i++)
        {
            var t = tiers[i];
            if (!double.IsFinite(t.MinFinalScore) || t.MinFinalScore < 0 || t.MinFinalScore > 100)
                errors.Add($"row {i}: MinFinalScore must be between 0 and 100 (now {t.MinFinalScore}).");
            if (!double.IsFinite(t.Coefficient) || t.Coefficient < 0)
                errors.Add($"row {i}: Coefficient must be at least 0 (now {t.Coefficient}).");
        }

        if (tiers.Select(t => t.MinFinalScore).Distinct().Count() != tiers.Count) errors.Add("two rows share a MinFinalScore.");
        if (!double.IsFinite(belowLowest) || belowLowest < 0) errors.Add($"BelowLowestCoefficient must be at least 0 (now {belowLowest}).");
        return errors;
    }
}
