using System.Security.Cryptography;

namespace DecisionAid.Testing;

/// <summary>What an authenticator app does (RFC 6238, HMAC-SHA1, 30-second steps, 6 digits): the test plays the clinician's phone.</summary>
internal static class Totp
{
    private static readonly Dictionary<string, long> LastStep = [];

    /// <summary>
    /// The code a phone shows now. The site takes each code once, so a second sign-in within 30 seconds gets the next
    /// step's code (the site accepts one step ahead); a third waits for the step to come, as a person would.
    /// </summary>
    public static string Code(string base32Key)
    {
        long step;
        lock (LastStep)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            step = Math.Max(now, LastStep.GetValueOrDefault(base32Key) + 1);
            LastStep[base32Key] = step;
        }
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 < step - 1) Thread.Sleep(500);
        return Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
    }

    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var step = at.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; the test must compute what they compute
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
