namespace Realtime.Storage.Postgres;

/// <summary>One embedded schema script.</summary>
/// <param name="Version">The numeric prefix of the file name; scripts apply in ascending order.</param>
/// <param name="Name">The file name, e.g. <c>0001_initial.sql</c>.</param>
/// <param name="Sql">The script text (line endings normalised to LF).</param>
/// <param name="Checksum">Lower-case hex SHA-256 of <paramref name="Sql"/>, recorded to detect edits after deployment.</param>
public sealed record SchemaScript(int Version, string Name, string Sql, string Checksum);
