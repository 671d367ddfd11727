using DecisionAid.Web.Library;
using ZXing;
using ZXing.QrCode.Internal;

namespace DecisionAid.Web.Tests.Library;

/// <summary>
/// Our QR encoder against an independent one (ZXing's, a test-only package): the same text must give the same
/// version, the same mask and the same modules, for every version and, forced, for every mask.
/// </summary>
public class QrEncoderTests
{
    private static QRCode Zxing(string text, int? mask = null, bool utf8 = false)
    {
        var hints = new Dictionary<EncodeHintType, object>();
        if (mask is { } m) hints[EncodeHintType.QR_MASK_PATTERN] = m;
        if (utf8) hints[EncodeHintType.CHARACTER_SET] = "UTF-8";
        return Encoder.encode(text, ErrorCorrectionLevel.M, hints);
    }

    private static void AssertSame(QRCode expected, QrEncoder.Symbol actual, string text)
    {
        Assert.Equal(expected.Version.VersionNumber, actual.Version);
        Assert.Equal(expected.MaskPattern, actual.Mask);
        var matrix = expected.Matrix;
        Assert.Equal(matrix.Width, actual.Size);
        for (var y = 0; y < actual.Size; y++)
            for (var x = 0; x < actual.Size; x++)
                Assert.True(matrix[x, y] == 1 == actual.IsDark(x, y), $"module ({x}, {y}) differs, version {actual.Version}, mask {actual.Mask}, text of {text.Length}");
    }

    /// <summary>Lower-case letters keep ZXing in byte mode, as ours always is.</summary>
    private static string Text(int length, int seed)
    {
        var random = new Random(seed);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_/:.?=&%";
        return "h" + new string([.. Enumerable.Range(1, length - 1).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }

    [Fact]
    public void Every_version_its_chosen_mask_and_every_forced_mask_are_module_for_module_zxings()
    {
        // The longest text each version holds (byte mode, level M: the standard's capacity table), and one byte more, which must take the next version.
        int[] capacity = [0, 14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
            711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331];
        for (var version = 1; version <= 40; version++)
        {
            var longest = Text(capacity[version], version);
            Assert.Equal(version, QrEncoder.Encode(longest).Version);
            if (version < 40) Assert.Equal(version + 1, QrEncoder.Encode(longest + "x").Version);
            AssertSame(Zxing(longest), QrEncoder.Encode(longest), longest);
            for (var mask = 0; mask < 8; mask++) AssertSame(Zxing(longest, mask), QrEncoder.Encode(longest, mask), longest);
        }
    }

    [Fact]
    public void The_chosen_mask_is_zxings_for_links_of_every_usual_length()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var link = $"https://clinic{seed % 7}.example.org/p/{Text(20 + seed % 60, seed)}";
            AssertSame(Zxing(link), QrEncoder.Encode(link), link);
        }
    }

    [Fact]
    public void The_chosen_mask_is_zxings_for_texts_of_every_length_in_the_larger_versions()
    {
        // Versions 12 to 40 score their masks module by module, 1 to 11 a row per 64-bit word: both against ZXing.
        var random = new Random(18);
        for (var i = 0; i < 120; i++)
        {
            var text = Text(random.Next(150, 2332), 1000 + i);
            AssertSame(Zxing(text), QrEncoder.Encode(text), text);
        }
    }

    [Fact]
    public void Text_beyond_ascii_goes_as_utf8_behind_an_eci_header()
    {
        // A short one (8-bit count), and one past version 10 (16-bit count).
        foreach (var text in new[] { "otpauth://totp/DecisionAid:núñez@example.org?secret=JBSWY3DPEHPK3PXP&issuer=DecisionAid", "https://clínica.example.org/p/" + Text(300, 7) })
            AssertSame(Zxing(text, utf8: true), QrEncoder.Encode(text), text);
    }

    [Fact]
    public void Text_too_long_for_any_version_is_refused_with_the_limit()
    {
        Assert.Equal(2331, QrEncoder.MaxBytes);
        Assert.Equal(40, QrEncoder.Encode(new string('a', 2331)).Version);
        var refused = Assert.Throws<ArgumentException>(() => QrEncoder.Encode(new string('a', 2332)));
        Assert.Contains("2332 bytes", refused.Message, StringComparison.Ordinal);
        Assert.Contains("at most 2331", refused.Message, StringComparison.Ordinal);
        // Beyond ASCII the ECI header takes 12 bits more, so one byte less fits.
        Assert.Equal(40, QrEncoder.Encode("é" + new string('a', 2328)).Version);
        var utf8 = Assert.Throws<ArgumentException>(() => QrEncoder.Encode("é" + new string('a', 2329)));
        Assert.Contains("2331 bytes", utf8.Message, StringComparison.Ordinal);
        Assert.Contains("at most 2330", utf8.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => QrEncoder.Encode("x", mask: 8));
    }
}
