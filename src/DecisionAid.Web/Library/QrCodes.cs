using System.Globalization;
using System.Text;
using QRCoder;

namespace DecisionAid.Web.Library;

/// <summary>QR codes as SVG, drawn on the server: patients' links and authenticator keys.</summary>
public static class QrCodes
{
    /// <summary>Pixels a module is drawn at by default (the viewBox scales it anywhere).</summary>
    private const int ModulePixels = 4;

    /// <summary>
    /// QRCoder encodes (error correction M, its own mask choice, the quiet zone included); the SVG is one path of each
    /// row's runs of dark modules on white. Written here because it takes a third of the time of QRCoder's SVG writer
    /// and less garbage, on the API's path to every new packet (bench/README.md).
    /// </summary>
    public static string Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var svg = new StringBuilder(6144);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size * ModulePixels}\" height=\"{size * ModulePixels}\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">")
            .Append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (var y = 0; y < size; y++)
        {
            var row = rows[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x]) continue;
                var start = x;
                while (x + 1 < size && row[x + 1]) x++;
                var run = x - start + 1;
                svg.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{run}v1h-{run}z");
            }
        }
        return svg.Append("\"/></svg>").ToString();
    }

    /// <summary>For an &lt;img src&gt;: the policy allows data: images, never inline markup from a library.</summary>
    public static string DataUri(string text) => "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Svg(text)));
}
