namespace Realtime.Domain.Calendars;

/// <summary>
/// Official holiday schedules shipped inside the domain assembly as iCalendar resources, so every host (server, tests,
/// benchmarks) has them without copying files. A calendar names one with <c>File = "builtin:&lt;name&gt;"</c>.
/// </summary>
public static class BuiltInSchedules
{
    /// <summary>
    /// Mainland China 2026: public holidays and 调休 make-up working days from the State Council General Office notice
    /// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
    /// </summary>
    public const string ChinaMainland2026 = "cn-mainland-2026.ics";

    private const string ResourcePrefix = "Realtime.Domain.Calendars.Schedules.";

    /// <summary>The names of the shipped schedules, e.g. <c>cn-mainland-2026.ics</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(BuiltInSchedules).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(n => n[ResourcePrefix.Length..]).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The iCalendar text of the shipped schedule <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No schedule of that name is shipped.</exception>
    public static TextReader Open(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = Names.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No built-in schedule '{name}'; built in: {string.Join(", ", Names)}.", nameof(name));
        var stream = typeof(BuiltInSchedules).Assembly.GetManifestResourceStream(ResourcePrefix + found)!;
        return new StreamReader(stream, System.Text.Encoding.UTF8);
    }

    /// <summary>The holidays and make-up days of the shipped schedule <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No schedule of that name is shipped.</exception>
    public static HolidaySchedule Load(string name)
    {
        using var reader = Open(name);
        return HolidaySchedule.ParseICalendar(reader);
    }
}
