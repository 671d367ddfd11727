namespace DecisionAid.Cli;

/// <summary>The `pda` command line.</summary>
public static class PdaCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("pda: no verbs yet");
        return 2;
    }
}
