namespace DecisionAid.Cli;

/// <summary>The entry point (a named class, so tests that see both the site and the CLI find one `Program`: the site's).</summary>
internal static class PdaProgram
{
    private static int Main(string[] args) => PdaCommand.Run(args, Console.Out, Console.Error);
}
