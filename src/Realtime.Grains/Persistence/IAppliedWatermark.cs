namespace Realtime.Grains.Persistence;

/// <summary>The highest journal sequence whose events every grain has applied (all earlier ones too).</summary>
public interface IAppliedWatermark
{
    /// <summary>Every journaled event with a sequence at or below this has been applied by its grains.</summary>
    long AppliedThrough { get; }
}
