namespace Realtime.Grains.Deadlines;

/// <summary>How deadlines wake their grains (<c>Deadlines:*</c>).</summary>
public sealed class DeadlineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deadlines";

    /// <summary>The default <see cref="WarmUp"/>.</summary>
    public static readonly TimeSpan DefaultWarmUp = TimeSpan.FromMilliseconds(500);

    /// <summary>The state of a grain out of memory is read this long before its deadline, so the deadline's turn does not wait for storage; zero turns this off.</summary>
    public TimeSpan WarmUp { get; set; } = DefaultWarmUp;
}
