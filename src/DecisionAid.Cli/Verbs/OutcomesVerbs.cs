using System.CommandLine;
using System.Globalization;
using DecisionAid.Core.Loading;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Cli.Verbs;

/// <summary>`pda outcomes AID --since DATE` (the outcomes page in the terminal) and `pda seed-demo --packets N` (generated data to try it on).</summary>
internal static class OutcomesVerbs
{
    public const int DefaultMinimum = 20;

    public static Command Outcomes(VerbContext context)
    {
        var database = new SiteDatabase();
        var aidId = new Argument<string>("aid") { Description = "The aid's id, e.g. neurolysis" };
        var since = new Option<string>("--since") { Description = "First day (UTC, yyyy-MM-dd) of packets to count", Required = true };
        var until = new Option<string?>("--until") { Description = "Last day (UTC, yyyy-MM-dd); default today" };
        var practice = new Option<string?>("--practice") { Description = "The practice's slug (needed when the database holds more than one)" };
        var minimum = new Option<int>("--minimum") { Description = "Patients per version before versions are compared", DefaultValueFactory = _ => DefaultMinimum };
        var check = new Option<bool>("--check") { Description = "Also compute the numbers from every packet and answer, and exit 1 if the kept counts differ or are not complete" };
        var command = new Command("outcomes", "Understanding, decisional conflict, satisfaction and consent for one aid, per version and language");
        command.Options.Add(check);
        command.Arguments.Add(aidId);
        command.Options.Add(since);
        command.Options.Add(until);
        command.Options.Add(practice);
        command.Options.Add(minimum);
        database.AddTo(command);
        command.SetAction(async (parsed, cancel) =>
        {
            if (!DateOnly.TryParseExact(parsed.GetValue(since), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || (parsed.GetValue(until) is { } u && !DateOnly.TryParseExact(u, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                context.Error.WriteLine("pda: --since and --until are dates like 2026-01-31");
                return PdaCommand.BadUsage;
            }
            var to = parsed.GetValue(until) is { } last ? DateOnly.ParseExact(last, "yyyy-MM-dd", CultureInfo.InvariantCulture) : context.Today;
            var library = ContentLibrary.Load(parsed.GetValue(context.Content)!);
            if (library.Find(parsed.GetValue(aidId)!) is not { } aid)
            {
                context.Error.WriteLine($"pda: no aid '{parsed.GetValue(aidId)}' in the content library");
                return PdaCommand.BadUsage;
            }
            try
            {
                var (db, _) = database.Open(parsed, context.Error);
                await using (db)
                {
                    var slug = parsed.GetValue(practice);
                    var practices = await db.Practices.AsNoTracking().Where(p => slug == null || p.Slug == slug).Select(p => new { p.Id, p.Slug }).ToListAsync(cancel);
                    if (practices.Count != 1)
                    {
                        context.Error.WriteLine(practices.Count == 0 ? $"pda: no practice '{slug}'" : $"pda: choose a practice with --practice ({string.Join(", ", practices.Select(p => p.Slug))})");
                        return PdaCommand.BadUsage;
                    }
                    var filter = new OutcomesFilter(practices[0].Id, aid.Id, from, to);
                    var archive = new AidArchive(new AidLibrary(library, []), Microsoft.Extensions.Logging.Abstractions.NullLogger<AidArchive>.Instance);
                    // A report changes nothing: on a database the site has not brought up to date, the numbers come from the records.
                    var migrated = !(await db.Database.GetPendingMigrationsAsync(cancel)).Any();
                    var counted = migrated && !await db.Packets.AnyAsync(p => !db.OutcomeTallies.Any(t => t.PacketId == p.Id), cancel);
                    if (!counted)
                    {
                        context.Error.WriteLine("pda: some packets are not in the kept counts yet (the site counts them when it starts): these numbers are computed from every packet and answer");
                        // A database the site has not brought up to date may not hold older versions: each is scored with the current one.
                        if (!migrated) context.Error.WriteLine("pda: the database is not up to date: every version's knowledge check is scored with the current version's answers");
                        OutcomesText.Write(context.Out, aid, filter, await OutcomesQuery.FromRecordsAsync(db, filter, aid, migrated ? archive : null, cancel), parsed.GetValue(minimum));
                        return parsed.GetValue(check) ? 1 : PdaCommand.Ok;
                    }
                    var kept = await OutcomesQuery.RunAsync(db, filter, aid, archive, cancel);
                    OutcomesText.Write(context.Out, aid, filter, kept, parsed.GetValue(minimum));
                    if (!parsed.GetValue(check)) return PdaCommand.Ok;
                    var records = await OutcomesQuery.FromRecordsAsync(db, filter, aid, archive, cancel);
                    if (OutcomesQuery.Canonical(kept) == OutcomesQuery.Canonical(records))
                    {
                        context.Out.WriteLine("check: the kept counts equal the numbers computed from every packet and answer");
                        return PdaCommand.Ok;
                    }
                    context.Error.WriteLine("pda: the kept counts differ from the packets' records; the numbers from the records are:");
                    OutcomesText.Write(context.Error, aid, filter, records, parsed.GetValue(minimum));
                    return 1;
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

    /// <summary>The database at the newest migration, with every packet in the outcome counts (those stored before the counts existed are counted now).</summary>
    private static async Task CountedAsync(DecisionAidDb db, TextWriter progress, CancellationToken cancel)
    {
        await db.Database.MigrateAsync(cancel);
        await OutcomeCounts.CountMissingAsync(db, Progress(progress), cancel);
    }

    public static Command Recount(VerbContext context)
    {
        var database = new SiteDatabase();
        var practice = new Option<string?>("--practice") { Description = "Only this practice (its slug); default every practice" };
        var command = new Command("recount-outcomes", "Count every packet's outcomes again from its records (after `pda outcomes --check` finds a difference); stop the site first");
        command.Options.Add(practice);
        database.AddTo(command);
        command.SetAction(async (parsed, cancel) =>
        {
            try
            {
                var (db, _) = database.Open(parsed, context.Error);
                await using (db)
                {
                    await db.Database.MigrateAsync(cancel);
                    Guid? id = null;
                    if (parsed.GetValue(practice) is { } slug)
                    {
                        id = await db.Practices.Where(p => p.Slug == slug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancel);
                        if (id is null)
                        {
                            context.Error.WriteLine($"pda: no practice '{slug}'");
                            return PdaCommand.BadUsage;
                        }
                    }
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    var counted = await OutcomeCounts.RecountAsync(db, id, Progress(context.Error), cancel);
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"counted the outcomes of {counted:N0} packets again in {started.Elapsed.TotalSeconds:0.0} s"));
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

    private static Action<int, int> Progress(TextWriter to) => (done, total) =>
    {
        if (done % 100_000 == 0 || done == total) to.WriteLine(string.Create(CultureInfo.InvariantCulture, $"counted {done:N0} of {total:N0} packets"));
    };

    public static Command SeedDemo(VerbContext context)
    {
        var database = new SiteDatabase();
        var packets = new Option<int>("--packets") { Description = "How many packets to generate", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "The random seed (the same seed makes the same data)", DefaultValueFactory = _ => 1 };
        var command = new Command("seed-demo", $"Generate packets with answers in a demo practice ('{OutcomesSeed.Slug}') to try the outcomes area");
        command.Options.Add(packets);
        command.Options.Add(seed);
        database.AddTo(command);
        command.SetAction(async (parsed, cancel) =>
        {
            var count = parsed.GetValue(packets);
            if (count is < 1 or > 10_000_000)
            {
                context.Error.WriteLine("pda: --packets is from 1 to 10,000,000");
                return PdaCommand.BadUsage;
            }
            try
            {
                var (db, key) = database.Open(parsed, context.Error);
                await using (db)
                {
                    await CountedAsync(db, context.Error, cancel);
                    var library = ContentLibrary.Load(parsed.GetValue(context.Content)!);
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    var practice = await OutcomesSeed.RunAsync(db, library.Aids, key, count, context.Clock.GetUtcNow().UtcDateTime, parsed.GetValue(seed),
                        count >= 10_000 ? context.Error : null);
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"generated {count:N0} packets in the practice '{OutcomesSeed.Slug}' ({practice}) in {started.Elapsed.TotalSeconds:0.0} s"));
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
