using System.CommandLine;

namespace DecisionAid.Cli.Verbs;

/// <summary>`pda audit verify`: recomputes the audit chain and every sealed consent record; exit 1 names the first broken one.</summary>
internal static class AuditVerb
{
    public static Command Create(VerbContext context)
    {
        var database = new SiteDatabase();
        var verify = new Command("verify", "Recompute the audit chain and every sealed consent record (hash and HMAC)");
        database.AddTo(verify);
        verify.SetAction(async (parsed, cancel) =>
        {
            AuditReport report;
            try
            {
                var (db, key) = database.Open(parsed, context.Error);
                await using (db) report = await AuditVerification.RunAsync(db, key, cancel);
            }
            catch (InvalidOperationException e)
            {
                context.Error.WriteLine($"pda: {e.Message}");
                return PdaCommand.BadUsage;
            }
            context.Out.WriteLine($"audit entries checked: {report.EntriesChecked}");
            context.Out.WriteLine($"last hash: {report.LastHash}");
            context.Out.WriteLine($"sealed records checked: {report.RecordsChecked}");
            if (report.Intact)
            {
                context.Out.WriteLine("intact: the chain and every sealed record verify");
                return PdaCommand.Ok;
            }
            context.Out.WriteLine($"BROKEN: {report.Problem}");
            return PdaCommand.ProblemsFound;
        });
        var audit = new Command("audit", "Check the tamper-evident audit trail");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
