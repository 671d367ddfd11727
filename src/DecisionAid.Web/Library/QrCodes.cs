using System.Text;
using QRCoder;

namespace DecisionAid.Web.Library;

/// <summary>QR codes as SVG, drawn on the server: patients' links and authenticator keys.</summary>
public static class QrCodes
{
    public static string Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>For an &lt;img src&gt;: the policy allows data: images, never inline markup from a library.</summary>
    public static string DataUri(string text) => "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Svg(text)));
}
