using DecisionAid.Web.Library;
using SkiaSharp;
using Svg.Skia;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace DecisionAid.Web.Tests.Library;

/// <summary>The QR codes patients and clinicians scan: drawn from the SVG the site sends, then read back by a decoder (ZXing).</summary>
public class QrCodesTests
{
    /// <summary>Draws the SVG at its own size on white, as a browser or a printer would, and decodes it.</summary>
    private static string? Scan(string svgText)
    {
        using var svg = new SKSvg();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(svgText));
        var picture = svg.Load(stream) ?? throw new InvalidOperationException("the SVG did not load");
        var bounds = picture.CullRect;
        using var bitmap = new SKBitmap((int)Math.Ceiling(bounds.Width), (int)Math.Ceiling(bounds.Height), SKColorType.Gray8, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawPicture(picture);
        }
        var source = new PlanarYUVLuminanceSource(bitmap.Bytes, bitmap.RowBytes, bitmap.Height, 0, 0, bitmap.Width, bitmap.Height, false);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = false, [DecodeHintType.TRY_HARDER] = true };
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints)?.Text;
    }

    [Theory]
    [InlineData("https://aids.example.org/p/Qm9vdHN0cmFwLXRva2VuLWZvci10aGUtcXItdGVzdC0wMTIz")]
    [InlineData("http://127.0.0.1:5080/p/abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJKLMNOPQ-0")]
    [InlineData("otpauth://totp/DecisionAid:dr.kim%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=DecisionAid&digits=6")]
    public void Each_code_scans_back_to_its_text(string text)
    {
        var svg = QrCodes.Svg(text);
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Equal(text, Scan(svg));
    }

    [Fact]
    public void The_data_uri_holds_the_same_scannable_svg()
    {
        const string text = "https://aids.example.org/p/another-token-for-the-data-uri-check-456789";
        var uri = QrCodes.DataUri(text);
        const string prefix = "data:image/svg+xml;base64,";
        Assert.StartsWith(prefix, uri, StringComparison.Ordinal);
        Assert.Equal(text, Scan(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(uri[prefix.Length..]))));
    }
}
