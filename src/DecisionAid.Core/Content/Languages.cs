namespace DecisionAid.Core.Content;

/// <summary>The languages aids and the interface are written in.</summary>
public static class Languages
{
    public static IReadOnlyList<string> Supported { get; } = ["en", "es"];

    public static bool IsSupported(string code) => Supported.Contains(code, StringComparer.Ordinal);

    /// <summary>The language's name in English, for checker messages written for authors.</summary>
    public static string EnglishName(string code) => code switch
    {
        "en" => "English",
        "es" => "Spanish",
        _ => code,
    };
}
