using System.Globalization;

namespace Realtime.Storage.Postgres;

/// <summary>
/// Etags are the row's <c>version</c> as a decimal string (like Orleans' ADO.NET storage). A live row
/// has an etag; a missing row or a tombstone (cleared state) has none.
/// </summary>
internal static class GrainEtags
{
    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version an etag names; false for anything this storage never issued (which can then never match).</summary>
    public static bool TryParse(string etag, out long version)
        => long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
}
