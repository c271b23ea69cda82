using System.Security.Cryptography;
using System.Text;

namespace CivilDefense.Core.Access;

/// <summary>
/// Makes and checks API token secrets. A token is "ptds_" + 8 hex prefix + "_" + 32 random bytes
/// (base64url). The secret has 256 bits of entropy, so a fast hash (SHA-256) is enough; a slow
/// password hash would only make every API call slow.
/// </summary>
public static class TokenSecrets
{
    public sealed record NewToken(string Token, string Prefix, string SecretHash);

    public static NewToken Create()
    {
        var prefix = "ptds_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = prefix + "_" + secret;
        return new NewToken(token, prefix, Hash(token));
    }

    /// <summary>The prefix of a presented token, or null when it does not have our shape.</summary>
    public static string? PrefixOf(string token)
    {
        var parts = token.Split('_');
        return parts.Length >= 3 && parts[0] == "ptds" && parts[1].Length == 8 ? "ptds_" + parts[1] : null;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string token, string secretHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(secretHash));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
