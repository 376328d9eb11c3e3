using System.Globalization;

namespace Realtime.Domain.Quarters;

/// <summary>Quarter-close settings (configuration section <c>Quarters</c>).</summary>
public sealed class QuarterOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Quarters";

    /// <summary>The rows when <see cref="BonusTable"/> is not configured (<see cref="Quarters.BonusTable.Default"/>): ≥ 95 → 1.5, ≥ 85 → 1.2, ≥ 75 → 1.0, ≥ 60 → 0.8.</summary>
    public static IReadOnlyList<BonusTier> DefaultBonusTable => Quarters.BonusTable.Default.Tiers;

    /// <summary>
    /// The bonus table rows; null or empty (the key absent) means <see cref="DefaultBonusTable"/>, which lives here in code so that
    /// a configured table replaces it whole.
    /// </summary>
    public List<BonusTierOptions>? BonusTable { get; set; }

    /// <summary>The coefficient below the lowest row (default 0).</summary>
    public double BelowLowestCoefficient { get; set; }

    /// <summary>Every configuration error, each naming its key and showing the table judged; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        if (BonusTable is not { Count: > 0 } rows)
            return Quarters.BonusTable.Validate([], BelowLowestCoefficient).Select(e => $"{SectionName}:{e}").ToList();
        var tiers = rows.Select(r => new BonusTier(r.MinFinalScore, r.Coefficient)).ToList();
        // The rows as judged (every configuration source merged), so a row left over from another source is visible.
        var judged = "[" + string.Join(", ", tiers.Select(t => string.Create(CultureInfo.InvariantCulture, $"≥{t.MinFinalScore} → {t.Coefficient}"))) + "]";
        return Quarters.BonusTable.Validate(tiers, BelowLowestCoefficient).Select(e => $"{SectionName}:BonusTable {judged}: {e}").ToList();
    }

    /// <summary>The configured table.</summary>
    public BonusTable ToBonusTable() => BonusTable is not { Count: > 0 } rows
        ? (BelowLowestCoefficient == 0 ? Quarters.BonusTable.Default : new Quarters.BonusTable(Quarters.BonusTable.Default.Tiers, BelowLowestCoefficient))
        : new Quarters.BonusTable(rows.Select(r => new BonusTier(r.MinFinalScore, r.Coefficient)).ToList(), BelowLowestCoefficient);
}
