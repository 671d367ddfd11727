using System.CommandLine;
using DecisionAid.Core.Loading;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Cli.Verbs;

/// <summary>`pda export consent ID --format fhir|pdf --out FILE`: a sealed record as the site exports it; the export is audited.</summary>
internal static class ExportVerb
{
    private static readonly string[] Formats = ["fhir", "pdf"];

    public static Command Create(VerbContext context)
    {
        var database = new SiteDatabase();
        var id = new Argument<string>("id") { Description = "The consent record's id (as on the clinician's consent page)" };
        var format = new Option<string>("--format") { Description = "fhir (an R4 Bundle, JSON) or pdf", DefaultValueFactory = _ => "fhir" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out") { Description = "The file to write (default: consent-ID.json or .pdf)" };
        var baseUrl = new Option<string>("--base-url") { Description = "The site's public address, for the links inside the FHIR bundle", DefaultValueFactory = _ => "https://localhost" };
        var consent = new Command("consent", "Export a sealed consent record");
        consent.Arguments.Add(id);
        consent.Options.Add(format);
        consent.Options.Add(output);
        consent.Options.Add(baseUrl);
        database.AddTo(consent);
        consent.SetAction(async (parsed, cancel) =>
        {
            try
            {
                var (db, key) = database.Open(parsed, context.Error);
                await using (db)
                {
                    if (!Guid.TryParse(parsed.GetValue(id), out var recordId))
                    {
                        context.Error.WriteLine($"pda: '{parsed.GetValue(id)}' is not a record id (expected one like 573d7192-4e1b-4c3a-9f1e-2b7d1f0c8a11)");
                        return PdaCommand.BadUsage;
                    }
                    var record = await db.ConsentRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordId, cancel);
                    if (record is null)
                    {
                        context.Error.WriteLine($"pda: no consent record {recordId}");
                        return PdaCommand.ProblemsFound;
                    }
                    var kind = parsed.GetValue(format)!;
                    var path = parsed.GetValue(output) ?? $"consent-{record.Id}.{(kind == "pdf" ? "pdf" : "json")}";
                    byte[] bytes;
                    if (kind == "pdf")
                    {
                        bytes = ConsentRecordPdf.Render(record);
                    }
                    else
                    {
                        var library = new AidLibrary(ContentLibrary.Load(parsed.GetValue(context.Content)!), []);
                        var archive = new AidArchive(library, Microsoft.Extensions.Logging.Abstractions.NullLogger<AidArchive>.Instance);
                        var bundle = await new ConsentFhir(db, archive).BundleAsync(record, parsed.GetValue(baseUrl)!.TrimEnd('/'));
                        bytes = System.Text.Encoding.UTF8.GetBytes(ConsentFhir.Json(bundle));
                    }
                    // Audited before the file exists: no copy leaves without its entry.
                    await new AuditTrail(db, context.Clock, key).SaveAsync(new AuditEvent(AuditActions.ConsentExported, "cli", record.PracticeId, record.PacketId, record.Id, kind));
                    await File.WriteAllBytesAsync(path, bytes, cancel);
                    context.Out.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes; consent record {record.Id}, {record.Kind}, sha256 {record.DocumentHash})");
                    return PdaCommand.Ok;
                }
            }
            catch (InvalidOperationException e)
            {
                context.Error.WriteLine($"pda: {e.Message}");
                return PdaCommand.BadUsage;
            }
        });
        var export = new Command("export", "Export stored records");
        export.Subcommands.Add(consent);
        return export;
    }
}
