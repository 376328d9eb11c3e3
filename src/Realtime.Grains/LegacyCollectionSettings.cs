using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Realtime.Grains.Agents;
using Realtime.Grains.Complaints;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Teams;

namespace Realtime.Grains;

/// <summary>
/// The former grain host's <c>Actors:*</c> keys, still honoured: <c>CollectionAge</c>, <c>CollectionQuantum</c> and
/// <c>ClassSpecificCollectionAge:&lt;type&gt;</c> (type <c>complaint</c>, <c>agent</c>, <c>team</c>, <c>floor</c>) map onto
/// Orleans' <see cref="GrainCollectionOptions"/>, <c>ReminderWarmUp</c> onto <see cref="DeadlineOptions.WarmUp"/>.
/// </summary>
public static class LegacyCollectionSettings
{
    /// <summary>The section.</summary>
    public const string SectionName = "Actors";

    private static readonly Dictionary<string, Type> GrainClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["complaint"] = typeof(ComplaintGrain),
        ["agent"] = typeof(AgentGrain),
        ["team"] = typeof(TeamGrain),
        ["floor"] = typeof(FloorGrain),
    };

    /// <summary>Applies <paramref name="section"/> to <paramref name="options"/> (Orleans keys class-specific ages by grain class name).</summary>
    public static void Apply(IConfigurationSection section, GrainCollectionOptions options)
    {
        if (section.GetValue<TimeSpan?>("CollectionAge") is { } age) options.CollectionAge = age;
        if (section.GetValue<TimeSpan?>("CollectionQuantum") is { } quantum) options.CollectionQuantum = quantum;
        foreach (var entry in section.GetSection("ClassSpecificCollectionAge").GetChildren())
        {
            if (!GrainClasses.TryGetValue(entry.Key, out var type))
                throw new InvalidOperationException($"{SectionName}:ClassSpecificCollectionAge:{entry.Key} names no grain type; expected one of {string.Join(", ", GrainClasses.Keys)}.");
            options.ClassSpecificCollectionAge[type.FullName!] = entry.Get<TimeSpan>();
        }
    }

    /// <summary>Applies <c>ReminderWarmUp</c> of <paramref name="section"/> to <paramref name="options"/>.</summary>
    public static void Apply(IConfigurationSection section, DeadlineOptions options)
    {
        if (section.GetValue<TimeSpan?>("ReminderWarmUp") is { } warmUp) options.WarmUp = warmUp;
    }
}
