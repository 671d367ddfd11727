using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;
using DecisionAid.Core.Loading;

namespace DecisionAid.Cli.Verbs;

/// <summary>Finds one aid and language in a loaded library, telling the user plainly what is missing.</summary>
internal static class Loaded
{
    public static AidText? Find(VerbContext context, ContentLibrary library, string aidId, string language) =>
        FindAid(context, library, aidId, language)?.Texts[language];

    public static Aid? FindAid(VerbContext context, ContentLibrary library, string aidId, string language)
    {
        foreach (var error in library.LoadFindings.Where(f => f.Severity == Severity.Error)) context.Error.WriteLine(error);
        if (library.Find(aidId) is not { } aid)
        {
            var known = library.Aids.Count == 0 ? "none could be loaded" : "known: " + string.Join(", ", library.Aids.Select(a => a.Id));
            context.Error.WriteLine($"pda: no aid '{aidId}' in the library ({known})");
            return null;
        }
        if (!aid.Texts.ContainsKey(language))
        {
            context.Error.WriteLine($"pda: the aid '{aidId}' has no text in '{language}' (it has: {string.Join(", ", aid.Languages)})");
            return null;
        }
        return aid;
    }
}
