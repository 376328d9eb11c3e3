namespace Realtime.Actors.Hosting;

/// <summary>Settings of the grain host (configuration section <c>Actors</c>). Defaults follow Orleans where Orleans has one.</summary>
public sealed class GrainHostOptions
{
    /// <summary>Default of <see cref="CollectionAge"/>: 15 minutes, as in Orleans.</summary>
    public static readonly TimeSpan DefaultCollectionAge = TimeSpan.FromMinutes(15);

    /// <summary>Default of <see cref="CollectionQuantum"/>: 1 minute, as in Orleans.</summary>
    public static readonly TimeSpan DefaultCollectionQuantum = TimeSpan.FromMinutes(1);

    /// <summary>Default of <see cref="TurnsPerSlice"/>.</summary>
    public const int DefaultTurnsPerSlice = 64;

    /// <summary>An activation idle longer than this leaves memory.</summary>
    public TimeSpan CollectionAge { get; set; } = DefaultCollectionAge;

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = DefaultCollectionQuantum;

    /// <summary>Turns one activation may run before it yields its thread to other activations.</summary>
    public int TurnsPerSlice { get; set; } = DefaultTurnsPerSlice;
}
