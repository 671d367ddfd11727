using System.Globalization;
using System.Text;

namespace DecisionAid.Web.Library;

/// <summary>QR codes as SVG, drawn on the server: patients' links and authenticator keys.</summary>
public static class QrCodes
{
    /// <summary>Pixels a module is drawn at by default (the viewBox scales it anywhere).</summary>
    private const int ModulePixels = 4;

    /// <summary>The light margin the standard asks for around a symbol, in modules.</summary>
    private const int QuietZone = 4;

    /// <summary>
    /// <see cref="QrEncoder"/> encodes (error correction M); the SVG is one path of each row's runs of dark modules on
    /// white, inside the quiet zone. It is on the API's path to every new packet (bench/README.md).
    /// </summary>
    public static string Svg(string text)
    {
        var symbol = QrEncoder.Encode(text);
        var size = symbol.Size + 2 * QuietZone;
        var svg = new StringBuilder(6144);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size * ModulePixels}\" height=\"{size * ModulePixels}\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">")
            .Append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (var y = 0; y < symbol.Size; y++)
            for (var x = 0; x < symbol.Size; x++)
            {
                if (!symbol.IsDark(x, y)) continue;
                var start = x;
                while (x + 1 < symbol.Size && symbol.IsDark(x + 1, y)) x++;
                var run = x - start + 1;
                svg.Append(CultureInfo.InvariantCulture, $"M{start + QuietZone} {y + QuietZone}h{run}v1h-{run}z");
            }
        return svg.Append("\"/></svg>").ToString();
    }

    /// <summary>For an &lt;img src&gt;: the policy allows data: images, never inline markup from a library.</summary>
    public static string DataUri(string text) => "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Svg(text)));
}
