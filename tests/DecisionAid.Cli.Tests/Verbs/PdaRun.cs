namespace DecisionAid.Cli.Tests.Verbs;

/// <summary>Runs `pda` in-process with captured output, as a shell would, against a copy of the shipped content.</summary>
internal sealed class PdaRun : IDisposable
{
    public PdaRun()
    {
        Root = TestFolders.NewTemp("pda-cli");
        Content = Path.Combine(Root, "content");
        TestFolders.Copy(TestFolders.ShippedContent(), Content);
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
}
