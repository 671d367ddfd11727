using System.CommandLine;
using DecisionAid.Cli.Verbs;

namespace DecisionAid.Cli;

/// <summary>The `pda` command line. Exit codes: 0 success, 1 problems found (or the work failed), 2 bad usage.</summary>
public static class PdaCommand
{
    public const int Ok = 0;
    public const int ProblemsFound = 1;
    public const int BadUsage = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        clock ??= TimeProvider.System;

        var content = new Option<string>("--content")
        {
            Description = "The content library: a folder holding one folder per aid",
            DefaultValueFactory = _ => "content",
            Recursive = true,
        };
        var root = new RootCommand("pda: check, measure and render DecisionAid patient decision aids; verify the audit trail; export consent records");
        root.Options.Add(content);
        var context = new VerbContext(content, stdout, stderr, clock);
        root.Subcommands.Add(CheckVerb.Create(context));
        root.Subcommands.Add(ReadabilityVerb.Create(context));
        root.Subcommands.Add(RenderVerb.Create(context));
        root.Subcommands.Add(DossierVerb.Create(context));
        root.Subcommands.Add(AuditVerb.Create(context));
        root.Subcommands.Add(BackupVerbs.Backup(context));
        root.Subcommands.Add(BackupVerbs.Restore(context));
        root.Subcommands.Add(ExportVerb.Create(context));
        root.Subcommands.Add(OutcomesVerbs.Outcomes(context));
        root.Subcommands.Add(OutcomesVerbs.SeedDemo(context));
        root.Subcommands.Add(OutcomesVerbs.Recount(context));
        root.Subcommands.Add(AddClinicianVerb.Create(context));
        root.Subcommands.Add(ResetPasswordVerb.Create(context));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"pda: {error.Message}");
            stderr.WriteLine("Run 'pda --help' for usage.");
            return BadUsage;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}

/// <summary>What every verb needs: the shared --content option, the output streams and the clock.</summary>
internal sealed record VerbContext(Option<string> Content, TextWriter Out, TextWriter Error, TimeProvider Clock)
{
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
}
