namespace DecisionAid.Testing;

/// <summary>Paths every test project needs: the repository's shipped content, and throwaway copies of folders.</summary>
internal static class TestFolders
{
    /// <summary>The repository root (the folder holding DecisionAid.slnx), found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DecisionAid.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (DecisionAid.slnx) not found above " + AppContext.BaseDirectory);
    }

    public static string ShippedContent() => Path.Combine(RepositoryRoot(), "content");

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string NewTemp(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var sub in Directory.EnumerateDirectories(from)) Copy(sub, Path.Combine(to, Path.GetFileName(sub)));
    }
}
