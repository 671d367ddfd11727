using System.CommandLine;
using DecisionAid.Records.Practices;

namespace DecisionAid.Cli.Verbs;

/// <summary>
/// `pda reset-password --email EMAIL`: a new one-time password for a clinician who lost theirs (or for a practice whose
/// only lead did). Their sessions end, they change it at the next sign-in, and the reset is in the audit trail.
/// </summary>
internal static class ResetPasswordVerb
{
    public static Command Create(VerbContext context)
    {
        var database = new SiteDatabase();
        var email = new Option<string>("--email") { Description = "The clinician's email", Required = true };
        var command = new Command("reset-password", "Give a clinician a one-time password to change at the next sign-in") { email };
        database.AddTo(command);
        command.SetAction(async (parsed, cancel) =>
        {
            try
            {
                var (db, key) = database.Open(parsed, context.Error);
                await using (db)
                {
                    var (clinician, password) = await ClinicianOnboarding.ResetAsync(db, parsed.GetValue(email)!);
                    if (clinician is null)
                    {
                        context.Error.WriteLine($"pda: no clinician signs in with {parsed.GetValue(email)} (or they were removed)");
                        return PdaCommand.BadUsage;
                    }
                    await new AuditTrail(db, context.Clock, key).SaveAsync(
                        new AuditEvent(AuditActions.PasswordReset, "pda", clinician.PracticeId, Detail: $"clinician {clinician.Id}: one-time password from pda reset-password"));
                    context.Out.WriteLine($"one-time password for {clinician.DisplayName} <{clinician.Email}> (shown once): {password}");
                    context.Out.WriteLine("Their sessions have ended; at the next sign-in they choose a new password.");
                    return PdaCommand.Ok;
                }
            }
            catch (InvalidOperationException e)
            {
                context.Error.WriteLine($"pda: {e.Message}");
                return PdaCommand.BadUsage;
            }
        });
        return command;
    }
}
