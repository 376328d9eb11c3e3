using System.Diagnostics;
using System.Text.Json;

namespace Realtime.Testing;

/// <summary>
/// Reads an .xlsx with Debian's python3-openpyxl, a reader we did not write, and answers what it saw: per sheet its
/// title, frozen pane and every cell's value and number format. Missing python3 or openpyxl fails the test with how to
/// install it; it never passes silently.
/// </summary>
public static class OpenPyxl
{
    private const string Script = """
        import json, sys
        try:
            import openpyxl
        except ImportError:
            sys.stderr.write("openpyxl missing")
            sys.exit(3)
        wb = openpyxl.load_workbook(sys.argv[1])
        out = []
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows():
                rows.append([{"v": c.value.isoformat() if hasattr(c.value, "isoformat") else c.value, "f": c.number_format} for c in row])
            out.append({"title": ws.title, "freeze": ws.freeze_panes, "rows": rows})
        print(json.dumps(out, ensure_ascii=False))
        """;

    private const string Install = "python3-openpyxl is required to read .xlsx exports in tests: install it with `apt-get install -y python3-openpyxl` (Debian/Ubuntu) or `pip install openpyxl`.";

    /// <summary>
    /// The sheets of <paramref name="workbook"/> as openpyxl reads them. Tries <c>REALTIME_PYTHON</c>, then <c>python3</c> on
    /// the path, then Debian's <c>/usr/bin/python3</c> (a pyenv or venv python on the path may lack the Debian package).
    /// </summary>
    public static IReadOnlyList<XlsxSheet> Read(byte[] workbook)
    {
        var file = Path.Combine(Path.GetTempPath(), $"realtime-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(file, workbook);
        try
        {
            var tried = new List<string>();
            foreach (var python in Candidates())
            {
                if (Run(python, file, tried) is { } json)
                {
                    using var document = JsonDocument.Parse(json);
                    return document.RootElement.EnumerateArray().Select(XlsxSheet.Of).ToList();
                }
            }

            throw new InvalidOperationException($"{Install} Tried: {string.Join("; ", tried)}.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("REALTIME_PYTHON") is { Length: > 0 } configured) yield return configured;
        yield return "python3";
        yield return "/usr/bin/python3";
    }

    /// <summary>The script's JSON, or null when this python is missing or lacks openpyxl (noted in <paramref name="tried"/>).</summary>
    private static string? Run(string python, string file, List<string> tried)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(file);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            tried.Add($"{python}: not found");
            return null;
        }

        if (process is null)
        {
            tried.Add($"{python}: did not start");
            return null;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 3)
            {
                tried.Add($"{python}: no openpyxl");
                return null;
            }

            // Any other failure is the workbook's: openpyxl found and could not read it.
            if (process.ExitCode != 0) throw new InvalidOperationException($"openpyxl ({python}) could not read the workbook (exit {process.ExitCode}): {stderr}");
            return stdout.Result;
        }
    }
}
