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

    /// <summary>
    /// Collection ages of particular grain types, by grain type name (e.g. <c>complaint</c>), overriding
    /// <see cref="CollectionAge"/> (Orleans' <c>GrainCollectionOptions.ClassSpecificCollectionAge</c>). Grains that are
    /// many and cheap to bring back (a complaint is re-activated by its next deadline or event) can leave memory sooner.
    /// </summary>
    public Dictionary<string, TimeSpan> ClassSpecificCollectionAge { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The collection age of grains of <paramref name="grainType"/>.</summary>
    public TimeSpan CollectionAgeOf(string grainType) => ClassSpecificCollectionAge.GetValueOrDefault(grainType, CollectionAge);

    /// <summary>
    /// Default of <see cref="ReminderWarmUp"/>: a state read takes milliseconds even in a breach storm, and every warmed
    /// grain waits in memory this long; at 2 s the 10,000 grains waiting in a storm of 5,000 firings a second were what
    /// each young-generation collection copied (38 MB a time, against 19-23 MB at 0.25-0.5 s, detection unchanged).
    /// </summary>
    public static readonly TimeSpan DefaultReminderWarmUp = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long before a reminder is due its grain is activated if it is not in memory, so the due turn runs on a grain
    /// whose state is already read (zero: activate at the due time). Keep it well under the collection age of grains
    /// with reminders, or the warmed grain may leave memory again before its turn.
    /// </summary>
    public TimeSpan ReminderWarmUp { get; set; } = DefaultReminderWarmUp;

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = DefaultCollectionQuantum;

    /// <summary>Turns one activation may run before it yields its thread to other activations.</summary>
    public int TurnsPerSlice { get; set; } = DefaultTurnsPerSlice;
}
