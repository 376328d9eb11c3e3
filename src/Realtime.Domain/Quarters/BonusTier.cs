namespace Realtime.Domain.Quarters;

/// <summary>One row of a <see cref="BonusTable"/>: a final score of at least <see cref="MinFinalScore"/> earns <see cref="Coefficient"/>.</summary>
/// <param name="MinFinalScore">The lowest final score (inclusive) of the row, 0–100.</param>
/// <param name="Coefficient">The bonus coefficient (奖金系数) of the row.</param>
public sealed record BonusTier(double MinFinalScore, double Coefficient);
