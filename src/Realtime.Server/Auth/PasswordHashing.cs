using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Realtime.Server.Auth;

/// <summary>PBKDF2-SHA256 password hashes for <c>Auth:Users</c>: <c>pbkdf2-sha256$iterations$salt$hash</c> (salt and hash base64).</summary>
public static class PasswordHashing
{
    private const string Prefix = "pbkdf2-sha256";

    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.</summary>
    public const int Iterations = 600_000;

    /// <summary>A new hash of <paramref name="password"/> with a random salt.</summary>
    public static string Hash(string password, int iterations = Iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', Prefix, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="value"/> has the form of a hash made by <see cref="Hash"/>.</summary>
    public static bool IsHash(string? value) => Parse(value) is not null;

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/> (constant time).</summary>
    public static bool Verify(string password, string hash)
    {
        if (Parse(hash) is not var (iterations, salt, expected)) return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static (int Iterations, byte[] Salt, byte[] Hash)? Parse(string? value)
    {
        var parts = value?.Split('$');
        if (parts is not [Prefix, var n, var salt, var hash] || !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1000) return null;
        try
        {
            var h = Convert.FromBase64String(hash);
            return h.Length >= 16 ? (iterations, Convert.FromBase64String(salt), h) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
