using Orleans.Services;

namespace Realtime.Grains.Deadlines;

/// <summary>A silo's share of the deadline index (a <see cref="GrainService"/>: it owns a range of Orleans' ring).</summary>
public interface IDeadlineTakeover : IGrainService
{
    /// <summary>Arms <paramref name="deadlines"/> on this silo unless it holds one for the grain already (a silo stopping hands its own over).</summary>
    Task<int> ArmAsync(IReadOnlyList<HandedOverDeadline> deadlines);
}
