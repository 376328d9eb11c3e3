namespace Realtime.Grains.Quarters;

/// <summary>What <c>/verify</c> found.</summary>
/// <param name="Verifiable">Whether the snapshot could be recomputed.</param>
/// <param name="Matches">Whether the recomputed hash equals the stored one; null when not verifiable.</param>
/// <param name="StoredHash">The stored hash.</param>
/// <param name="RecomputedHash">The recomputed hash, or null.</param>
/// <param name="Reason">Why it is not verifiable, or null.</param>
public sealed record QuarterVerification(bool Verifiable, bool? Matches, string StoredHash, string? RecomputedHash, string? Reason);
