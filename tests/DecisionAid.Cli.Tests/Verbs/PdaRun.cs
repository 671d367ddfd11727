namespace DecisionAid.Cli.Tests.Verbs;

/// <summary>Runs `pda` in-process with captured output, as a shell would, against a copy of the shipped content.</summary>
internal sealed class PdaRun : IDisposable
{
    public PdaRun()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DecisionAid.slnx"))) dir = dir.Parent;
        Root = Path.Combine(Path.GetTempPath(), "pda-cli-" + Guid.NewGuid().ToString("N"));
        Content = Path.Combine(Root, "content");
        Copy(Path.Combine(dir!.FullName, "content"), Content);
    }

    public string Root { get; }
    public string Content { get; }

    public (int Exit, string Out, string Error) Pda(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = PdaCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Edit(string relativePath, string find, string replace)
    {
        var path = Path.Combine(Content, relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var sub in Directory.EnumerateDirectories(from)) Copy(sub, Path.Combine(to, Path.GetFileName(sub)));
    }
}
