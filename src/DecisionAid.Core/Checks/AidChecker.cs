using DecisionAid.Core.Content;
using DecisionAid.Core.Loading;

namespace DecisionAid.Core.Checks;

/// <summary>Runs every check on a loaded library: the loader's findings, then the standards per aid and language.</summary>
public static class AidChecker
{
    public static IReadOnlyList<Finding> Check(Aid aid, DateOnly today, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(aid);
        options ??= CheckOptions.Default;
        var findings = IpdasChecks.Check(aid, options, today).ToList();
        findings.AddRange(StandardsChecks.Check(aid, options));
        foreach (var text in aid.Texts.Values) findings.AddRange(PlainLanguageChecks.Check(text, options));
        findings.AddRange(ParityChecks.Check(aid));
        findings.AddRange(AftercareChecks.Check(aid));
        return findings;
    }

    /// <summary>All findings of the library, loading first, in file order.</summary>
    public static IReadOnlyList<Finding> Check(ContentLibrary library, DateOnly today, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        return [.. library.LoadFindings.Concat(library.Aids.SelectMany(a => Check(a, today, options)))
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.Line).ThenBy(f => f.Location.Column)];
    }
}
