using System.Security.Cryptography;
using System.Text;
using Campaigns.Tenancy;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Tenancy;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void Secrets_are_unique()
    {
        var secrets = Enumerable.Range(0, 2_000).Select(_ => ApiKeySecret.Generate()).ToList();
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Secret_is_the_scheme_and_256_url_safe_random_bits()
    {
        var secret = ApiKeySecret.Generate();

        Assert.StartsWith("cmp_", secret, StringComparison.Ordinal);
        Assert.Equal(4 + 43, secret.Length); // 32 bytes in unpadded base64url
        Assert.All(secret[4..], c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));

        var base64 = secret[4..].Replace('-', '+').Replace('_', '/') + "=";
        Assert.Equal(32, Convert.FromBase64String(base64).Length);
    }

    [Fact]
    public void Prefix_is_the_first_twelve_characters_and_starts_with_the_scheme()
    {
        var secret = ApiKeySecret.Generate();
        var prefix = ApiKeySecret.PrefixOf(secret);

        Assert.Equal(ApiKeySecret.PrefixLength, prefix.Length);
        Assert.Equal(secret[..12], prefix);
        Assert.StartsWith("cmp_", prefix, StringComparison.Ordinal);
        Assert.Equal("cmp_", ApiKeySecret.PrefixOf("cmp_"));
    }

    [Fact]
    public void Hash_is_a_deterministic_32_byte_sha256_of_the_utf8_secret()
    {
        var secret = ApiKeySecret.Generate();

        var first = ApiKeySecret.Hash(secret);
        var second = ApiKeySecret.Hash(secret);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), first);
        Assert.Equal(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            Convert.ToHexStringLower(ApiKeySecret.Hash("abc")));
    }

    [Fact]
    public void Different_secrets_hash_differently()
    {
        var a = ApiKeySecret.Generate();
        var b = ApiKeySecret.Generate();
        Assert.NotEqual(ApiKeySecret.Hash(a), ApiKeySecret.Hash(b));
    }
}
