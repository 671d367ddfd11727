using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DecisionAid.Web.Consent;

/// <summary>
/// A signature drawn with a finger, pen or mouse. The browser sends only its strokes as path commands in a
/// 600 x 200 box ("M 12 40 L 13 42 ..."); the server checks them and writes the SVG itself, so no markup from the
/// browser is ever stored or shown.
/// </summary>
public static partial class DrawnSignature
{
    public const int Width = 600, Height = 200, MaxLength = 60_000;

    /// <summary>The SVG of the strokes, or null when they are not a drawing (empty, malformed, out of the box, or a dot).</summary>
    public static string? ToSvg(string? strokes)
    {
        if (string.IsNullOrWhiteSpace(strokes) || strokes.Length > MaxLength || !Path().IsMatch(strokes)) return null;
        var path = new StringBuilder();
        int points = 0, minX = Width, maxX = 0, minY = Height, maxY = 0;
        foreach (Match command in Command().Matches(strokes))
        {
            var x = int.Parse(command.Groups["x"].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(command.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (x > Width || y > Height) return null;
            (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
            points++;
            if (path.Length > 0) path.Append(' ');
            path.Append(command.Groups["c"].Value).Append(x.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(y.ToString(CultureInfo.InvariantCulture));
        }
        // A tap or a short tick is not a signature.
        if (points < 5 || (maxX - minX < 20 && maxY - minY < 20)) return null;
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\">" +
            $"<path d=\"{path}\" fill=\"none\" stroke=\"#111827\" stroke-width=\"3\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>";
    }

    // [0-9], not \d: \d would let other scripts' digits through to int.Parse.
    [GeneratedRegex(@"^ *M *[0-9]{1,4} +[0-9]{1,4}( *[ML] *[0-9]{1,4} +[0-9]{1,4})* *$")]
    private static partial Regex Path();

    [GeneratedRegex(@"(?<c>[ML]) *(?<x>[0-9]{1,4}) +(?<y>[0-9]{1,4})")]
    private static partial Regex Command();
}
