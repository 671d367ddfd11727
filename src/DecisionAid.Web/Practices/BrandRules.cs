using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace DecisionAid.Web.Practices;

/// <summary>
/// What a practice's brand must meet: an accent colour readable on white (WCAG 2.2, 4.5:1), and a logo that is
/// a small PNG or an SVG cleaned down to plain drawing (no script, event handlers, outside links or styles).
/// </summary>
public static partial class BrandRules
{
    public const int MaxLogoBytes = 200 * 1024;
    public const double MinimumContrast = 4.5;

    /// <summary>The contrast ratio of a #rrggbb colour against white (1 to 21).</summary>
    public static double ContrastOnWhite(string hex)
    {
        var l = Luminance(hex);
        return (1.0 + 0.05) / (l + 0.05);
    }

    public static string? ColourProblem(string? hex)
    {
        if (hex is null || !Hex().IsMatch(hex)) return "the accent colour must be written as #rrggbb, e.g. #1d4ed8";
        var ratio = ContrastOnWhite(hex);
        return ratio < MinimumContrast
            ? string.Create(CultureInfo.InvariantCulture, $"the accent colour {hex} has a contrast of {ratio:0.0}:1 on white; it needs at least {MinimumContrast}:1 so text in it can be read (try a darker shade)")
            : null;
    }

    /// <summary>A logo ready to store (content type and bytes), or the reason it is refused.</summary>
    public static (string? ContentType, byte[]? Bytes, string? Problem) CleanLogo(byte[] upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Length == 0) return (null, null, "the logo file is empty");
        if (upload.Length > MaxLogoBytes) return (null, null, $"the logo is larger than {MaxLogoBytes / 1024} KB");
        if (upload.AsSpan().StartsWith(PngSignature))
        {
            // Width and height live in the IHDR chunk; refuse absurd sizes that would hurt phones.
            if (upload.Length < 24) return (null, null, "the PNG file is damaged");
            var width = (upload[16] << 24) | (upload[17] << 16) | (upload[18] << 8) | upload[19];
            var height = (upload[20] << 24) | (upload[21] << 16) | (upload[22] << 8) | upload[23];
            if (width is <= 0 or > 2000 || height is <= 0 or > 2000) return (null, null, "the PNG must be at most 2000 by 2000 pixels");
            return ("image/png", upload, null);
        }
        return CleanSvg(upload);
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly HashSet<string> SvgElements = new(StringComparer.Ordinal)
    {
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "title", "desc", "defs", "use", "linearGradient", "radialGradient", "stop", "text", "tspan", "clipPath",
    };

    private static readonly HashSet<string> SvgAttributes = new(StringComparer.Ordinal)
    {
        "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "fill", "stroke", "stroke-width",
        "stroke-linecap", "stroke-linejoin", "opacity", "fill-opacity", "stroke-opacity", "fill-rule", "clip-rule", "transform", "id", "href",
        "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "font-family", "font-size", "font-weight", "text-anchor",
        "clip-path", "preserveAspectRatio", "role", "aria-label",
    };

    /// <summary>Keeps only drawing elements and attributes; links may point only inside the file.</summary>
    private static (string?, byte[]?, string?) CleanSvg(byte[] upload)
    {
        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(upload), settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return (null, null, "the logo must be a PNG or an SVG file");
        }
        if (doc.Root is null || doc.Root.Name.LocalName != "svg") return (null, null, "the logo must be a PNG or an SVG file");
        // Deep nesting could exhaust the stack while cleaning, and many elements make a drawing slow for phones.
        if (doc.Descendants().Count() > MaxElements || Depth(doc.Root) > MaxDepth)
            return (null, null, $"the SVG is too complex (at most {MaxElements} elements, nested at most {MaxDepth} deep)");
        XNamespace svg = "http://www.w3.org/2000/svg";
        var clean = Clean(doc.Root, svg);
        var bytes = System.Text.Encoding.UTF8.GetBytes(clean.ToString(SaveOptions.DisableFormatting));
        return ("image/svg+xml", bytes, null);
    }

    private const int MaxElements = 5000;
    private const int MaxDepth = 32;

    private static int Depth(XElement root)
    {
        var deepest = 0;
        var stack = new Stack<(XElement, int)>([(root, 1)]);
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in element.Elements()) stack.Push((child, depth + 1));
        }
        return deepest;
    }

    private static XElement Clean(XElement element, XNamespace svg)
    {
        var result = new XElement(svg + element.Name.LocalName);
        foreach (var attribute in element.Attributes())
        {
            var name = attribute.Name.LocalName;
            if (attribute.IsNamespaceDeclaration || !SvgAttributes.Contains(name)) continue;
            if (name == "href" && !attribute.Value.StartsWith('#')) continue;
            if (attribute.Value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !attribute.Value.Contains("url(#", StringComparison.OrdinalIgnoreCase)) continue;
            result.SetAttributeValue(name, attribute.Value);
        }
        foreach (var node in element.Nodes())
        {
            if (node is XElement child && SvgElements.Contains(child.Name.LocalName)) result.Add(Clean(child, svg));
            else if (node is XText text && element.Name.LocalName is "title" or "desc" or "text" or "tspan") result.Add(new XText(text.Value));
        }
        return result;
    }

    private static double Luminance(string hex)
    {
        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var r = int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var g = int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var b = int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (0.2126 * Channel(r)) + (0.7152 * Channel(g)) + (0.0722 * Channel(b));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Hex();
}
