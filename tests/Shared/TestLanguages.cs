namespace DecisionAid.Testing;

/// <summary>Languages no code knows, added to a copy of the library as content files only.</summary>
internal static class TestLanguages
{
    /// <summary>Marks the words read from the added languages' files, so a page shows which file it read.</summary>
    public const string Marker = "XXLANG";

    /// <summary>A copy of the shipped library with "fr" (left to right) and "he" (right to left), with English words marked so a page shows which file it read added as content.</summary>
    public static string LibraryWithNewLanguages()
    {
        var content = TestFolders.NewTemp("pda-languages");
        TestFolders.Copy(TestFolders.ShippedContent(), content);
        var registry = Path.Combine(content, "_site", "languages.yaml");
        File.AppendAllText(registry, Entry("fr", "ltr") + Entry("he", "rtl"));
        foreach (var code in new[] { "fr", "he" })
        {
            // The interface: English words with a marker, so the page shows which file it read.
            var site = File.ReadAllText(Path.Combine(content, "_site", "en.yaml"))
                .Replace("language: en", $"language: {code}", StringComparison.Ordinal)
                .Replace("in_short: \"What should you know first?\"", $"in_short: \"{Marker} {code} first?\"", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(content, "_site", code + ".yaml"), site);
            foreach (var aid in Directory.EnumerateDirectories(content).Where(d => File.Exists(Path.Combine(d, "aid.yaml"))))
            {
                var words = File.ReadAllLines(Path.Combine(aid, "en.yaml"))
                    .Select(l => l.StartsWith("language: ", StringComparison.Ordinal) ? $"language: {code}"
                        : l.StartsWith("title: ", StringComparison.Ordinal) ? $"title: {Marker} {l["title: ".Length..]}" : l);
                File.WriteAllLines(Path.Combine(aid, code + ".yaml"), words);
            }
        }
        return content;
    }

    private static string Entry(string code, string direction) => $"""

          - code: {code}
            name: Test {code}
            english_name: Test language {code}
            culture: en-US
            direction: {direction}
            date: "yyyy-MM-dd"
            numbers: {"{"} group: ",", group_from: 1000, decimal: "." {"}"}
            people: people
            chance: "{"{count}"} in {"{denominator}"}"
            range: "{"{low}"} to {"{high}"}"
            caption: "{"{chance}"} {"{unit}"}"
            readability: sentence-length

        """;
}
