using System.CommandLine;
using DecisionAid.Records.Practices;

namespace DecisionAid.Cli.Verbs;

/// <summary>
/// `pda add-clinician --practice NAME --slug SLUG --email EMAIL --name "DISPLAY NAME" [--lead]`: adds the practice when
/// new and the clinician, on the site's database (made and migrated if there is none yet), and prints a one-time password.
/// </summary>
internal static class AddClinicianVerb
{
    public static Command Create(VerbContext context)
    {
        var database = new SiteDatabase();
        var practice = new Option<string>("--practice") { Description = "The practice's name (used when the slug is new)", Required = true };
        var slug = new Option<string>("--slug") { Description = "The practice's short name in URLs: 2 to 60 lowercase letters, digits and hyphens", Required = true };
        var email = new Option<string>("--email") { Description = "The clinician's email, which they sign in with", Required = true };
        var name = new Option<string>("--name") { Description = "The clinician's name as patients and colleagues see it", Required = true };
        var lead = new Option<bool>("--lead") { Description = "A practice lead: sees outcomes and manages the practice" };
        var command = new Command("add-clinician", "Add a clinician (and their practice when new); prints a one-time password");
        foreach (var option in new Option[] { practice, slug, email, name, lead }) command.Options.Add(option);
        database.AddTo(command);
        command.SetAction(async (parsed, cancel) =>
        {
            Onboarded added;
            try
            {
                await using var db = await database.OpenMigratedAsync(parsed, cancel);
                added = await ClinicianOnboarding.AddAsync(db, parsed.GetValue(practice)!, parsed.GetValue(slug)!, parsed.GetValue(email)!,
                    parsed.GetValue(name)!, parsed.GetValue(lead), context.Clock.GetUtcNow().UtcDateTime);
            }
            catch (InvalidOperationException e)
            {
                context.Error.WriteLine($"pda: {e.Message}");
                return PdaCommand.BadUsage;
            }
            if (added.Practice is not null && added.NewPractice) context.Out.WriteLine($"added the practice {added.Practice.Name} ({added.Practice.Slug})");
            if (added.Problem is not null)
            {
                context.Error.WriteLine($"pda: {added.Problem}");
                return PdaCommand.BadUsage;
            }
            context.Out.WriteLine($"added {parsed.GetValue(name)} <{parsed.GetValue(email)}> to {added.Practice!.Name}{(parsed.GetValue(lead) ? " as a practice lead" : "")}; one-time password (shown once): {added.OneTimePassword}");
            context.Out.WriteLine("At the first sign-in at /clinic/sign-in they set up an authenticator app, then choose their own password.");
            return PdaCommand.Ok;
        });
        return command;
    }
}
