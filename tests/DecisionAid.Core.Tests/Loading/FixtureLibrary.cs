using DecisionAid.Core.Checks;
using DecisionAid.Core.Loading;

namespace DecisionAid.Core.Tests.Loading;

/// <summary>A throwaway content library holding a copy of the "mini" fixture aid, to break on purpose.</summary>
internal sealed class FixtureLibrary : IDisposable
{
    public FixtureLibrary()
    {
        Root = TestFolders.NewTemp("pda-tests");
        TestFolders.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "mini"), Path.Combine(Root, "mini"));
    }

    public string Root { get; }
    public string AidFolder => Path.Combine(Root, "mini");

    /// <summary>Replaces text in one file of the aid; fails the test when the text is not there.</summary>
    public FixtureLibrary Edit(string file, string find, string replace)
    {
        var path = Path.Combine(AidFolder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return this;
    }

    public FixtureLibrary Write(string file, string content)
    {
        File.WriteAllText(Path.Combine(AidFolder, file), content);
        return this;
    }

    public ContentLibrary Load() => ContentLibrary.Load(Root, "content");

    /// <summary>Every finding of loading and checking, as "path:line:col: severity CODE: message".</summary>
    public IReadOnlyList<Finding> Findings(DateOnly? today = null) => AidChecker.Check(Load(), today ?? new DateOnly(2026, 6, 1));

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
