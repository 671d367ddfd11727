using System.CommandLine;

namespace DecisionAid.Cli.Verbs;

internal static class RenderVerb
{
    public static Command Create(VerbContext context)
    {
        var command = new Command("render", "Render an aid to a self-contained file");
        command.SetAction(_ => { context.Error.WriteLine("pda: render comes next"); return PdaCommand.BadUsage; });
        return command;
    }
}
