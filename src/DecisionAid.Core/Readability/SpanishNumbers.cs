using System.Globalization;

namespace DecisionAid.Core.Readability;

/// <summary>Syllables of a number as said in Spanish: "1000" is "mil" (1), "960" is "no-ve-cien-tos se-sen-ta" (6).</summary>
internal static class SpanishNumbers
{
    private static readonly string[] Units =
    [
        "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "trece",
        "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós",
        "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve",
    ];
    private static readonly string[] Tens = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"];
    private static readonly string[] Hundreds =
        ["", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos"];

    public static int Syllables(string token)
    {
        var text = token.Trim();
        var extra = 0;
        if (text.EndsWith('%'))
        {
            extra += 3; // por cien-to
            text = text[..^1];
        }
        // Spanish writes decimals with a comma and may group thousands with a point or a space.
        var parts = text.Split(',');
        var whole = parts[0].Replace(".", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (!long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return Math.Max(1, whole.Length) + extra;
        var words = Words(n);
        if (parts.Length > 1 && parts[1].Length > 0) words += " coma " + string.Join(' ', parts[1].Where(char.IsDigit).Select(d => Units[d - '0']));
        return words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Sum(SpanishSyllables.Syllables) + extra;
    }

    /// <summary>The number in words, as read aloud ("mil", "novecientos sesenta", "treinta y dos").</summary>
    internal static string Words(long n)
    {
        if (n < 30) return Units[n];
        if (n < 100) return Tens[n / 10] + (n % 10 == 0 ? "" : " y " + Units[n % 10]);
        if (n == 100) return "cien";
        if (n < 1000) return Hundreds[n / 100] + (n % 100 == 0 ? "" : " " + Words(n % 100));
        if (n < 1_000_000) return (n / 1000 == 1 ? "mil" : Words(n / 1000) + " mil") + (n % 1000 == 0 ? "" : " " + Words(n % 1000));
        if (n < 2_000_000) return "un millón" + (n % 1_000_000 == 0 ? "" : " " + Words(n % 1_000_000));
        if (n < 1_000_000_000_000) return Words(n / 1_000_000) + " millones" + (n % 1_000_000 == 0 ? "" : " " + Words(n % 1_000_000));
        return n.ToString(CultureInfo.InvariantCulture);
    }
}
