using System.Runtime.InteropServices;

namespace Realtime.LoadTest;

/// <summary>What the figures were measured on; the machine is shared, so every figure carries the load average at its time.</summary>
public static class Machine
{
    /// <summary>CPU model, cores, OS, .NET, date.</summary>
    public static Dictionary<string, object> Describe() => new()
    {
        ["cpu"] = CpuModel(),
        ["cores"] = Environment.ProcessorCount,
        ["os"] = RuntimeInformation.OSDescription,
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm'Z'"),
        ["loadAverageAtStart"] = LoadAverage(),
    };

    /// <summary>The 1-minute load average now (/proc/loadavg).</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
}
