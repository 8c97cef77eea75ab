using System.Security.Cryptography;
using System.Text;

namespace Campaigns.Tenancy;

/// <summary>Makes API key secrets and the hashes stored in their place.</summary>
/// <remarks>Keys carry 256 random bits, so a fast unsalted SHA-256 is enough: there is nothing to brute-force.</remarks>
public static class ApiKeySecret
{
    private const string Scheme = "cmp_";
    public const int PrefixLength = 12;

    public static string Generate() =>
        Scheme + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string PrefixOf(string secret) => secret[..Math.Min(PrefixLength, secret.Length)];

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
