using Microsoft.Extensions.Configuration;
using System.Security.Cryptography;
using System.Text;

namespace DecisionAid.Records.Consent;

/// <summary>
/// The HMAC key that seals consent records. It lives outside the database, so someone who can change the database
/// cannot make a changed record verify. Consent:SealKey holds at least 32 random bytes in base64 (e.g. from
/// `openssl rand -base64 32`). In Development only, a missing key is made once and kept in seal.key beside the data.
/// </summary>
public sealed class SealKey
{
    public const string Setting = "Consent:SealKey";
    public const string DevelopmentFile = "seal.key";
    private readonly byte[] _key;

    public SealKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32) throw new ArgumentException("a seal key needs at least 32 bytes", nameof(key));
        _key = key;
    }

    /// <summary>A key for another use (e.g. encrypting the Data Protection keys), derived with HKDF so the uses cannot meet.</summary>
    public byte[] Derive(string purpose) => HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, info: Encoding.UTF8.GetBytes(purpose));

    public string Hmac(string document) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(document)));

    public bool Matches(string document, string hmac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hmac(document)), Encoding.ASCII.GetBytes(hmac));

    /// <summary>The configured key; in Development a key file in <paramref name="dataFolder"/> stands in when none is set.</summary>
    public static SealKey From(IConfiguration config, string dataFolder, bool development)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config[Setting] is { Length: > 0 } configured) return Parse(configured, Setting);
        // Only in Development: a production key must not sit beside the database, in the same backups.
        var file = Path.Combine(dataFolder, DevelopmentFile);
        if (development && File.Exists(file)) return Parse(File.ReadAllText(file).Trim(), file);
        if (!development)
            throw new InvalidOperationException(
                $"{Setting} is not set. Set it (environment variable Consent__SealKey) to at least 32 random bytes in base64, " +
                "e.g. the output of `openssl rand -base64 32`, and keep it outside the database and its backups.");
        Directory.CreateDirectory(dataFolder);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(file, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new SealKey(key);
    }

    private static SealKey Parse(string base64, string where)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{where}: the seal key is not base64");
        }
        return key.Length >= 32 ? new SealKey(key) : throw new InvalidOperationException($"{where}: the seal key has {key.Length} bytes; it needs at least 32");
    }
}
