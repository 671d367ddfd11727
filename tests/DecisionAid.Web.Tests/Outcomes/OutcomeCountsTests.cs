using DecisionAid.Core.Content;
using DecisionAid.Core.Loading;
using DecisionAid.Web.Consent;
using DecisionAid.Web.Outcomes;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Web.Tests.Outcomes;

/// <summary>
/// The kept outcome counts against the numbers computed from every packet and answer, after each kind of change the
/// site makes (and some it never makes), after concurrent saves, and for packets stored before the counts existed;
/// on both databases.
/// </summary>
public sealed class OutcomeCountsTests
{
    private static readonly SealKey Key = new(Convert.FromBase64String(SiteFactory.SealKey));
    private static readonly DateTime Now = new(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);
    private static readonly ContentLibrary Content = ContentLibrary.Load(TestFolders.ShippedContent());
    private static readonly IReadOnlyList<Aid> Aids = Content.Aids;
    private static readonly AidArchive Archive = new(new AidLibrary(Content, []), Microsoft.Extensions.Logging.Abstractions.NullLogger<AidArchive>.Instance);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_counts_equal_the_records_after_every_kind_of_change(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var practice = await PracticeAsync(database);
        await using (var db = database.Open()) await OutcomesSeed.RunAsync(db, Aids, Key, 400, Now, seed: 3, into: practice);
        await AssertCountsMatchAsync(database, practice, "after the seed");

        var random = new Random(11);
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                await using var db = database.Open();
                var ids = await db.Packets.Where(p => p.PracticeId == practice).OrderBy(p => p.CreatedAt).Select(p => p.Id).ToListAsync();
                var id = ids[random.Next(ids.Count)];
                var packet = await db.Packets.Include(p => p.Answers).SingleAsync(p => p.Id == id);
                var aid = Aids.Single(a => a.Id == packet.AidId);
                await ChangeAsync(db, packet, aid, random.Next(9), random);
            }
            await AssertCountsMatchAsync(database, practice, $"after round {round + 1} of changes");
        }
    }

    /// <summary>One change of the kind numbered <paramref name="kind"/>, saved as the site saves it.</summary>
    private static async Task ChangeAsync(DecisionAidDb db, Packet packet, Aid aid, int kind, Random random)
    {
        var at = Now.AddMinutes(random.Next(1, 100_000));
        switch (kind)
        {
            case 0: // a knowledge answer given or changed
                var question = aid.KnowledgeCheck[random.Next(aid.KnowledgeCheck.Count)];
                AnswerKinds.Put(packet, AnswerKinds.Knowledge, question.Id, question.Choices[random.Next(question.Choices.Count)], at);
                break;
            case 1: // a SURE item, which may complete the test or turn it to "no"
                AnswerKinds.Put(packet, AnswerKinds.Sure, AnswerKinds.SureItems[random.Next(4)], random.Next(2) == 0 ? "yes" : "no", at);
                break;
            case 2: // satisfaction, or a survey item rated or skipped
                if (random.Next(2) == 0) AnswerKinds.Put(packet, AnswerKinds.Satisfaction, AnswerKinds.Single, $"{random.Next(1, 6)}", at);
                else AnswerKinds.Put(packet, AnswerKinds.Survey, Core.Surveys.VisitSurvey.Items[random.Next(Core.Surveys.VisitSurvey.Items.Count)].Id,
                    random.Next(5) == 0 ? Core.Surveys.VisitSurvey.Skipped : $"{random.Next(1, 6)}", at);
                break;
            case 3: // opened and finished
                packet.OpenedAt ??= at;
                if (random.Next(2) == 0) packet.FinishedAt ??= at;
                break;
            case 4: // a newer decision: the counts move from the old choice to the new one
                string[] choices = [ConsentDecision.Signed, ConsentDecision.TalkFirst, ConsentDecision.Declined, ConsentDecision.Withdrawn];
                var latest = await db.ConsentDecisions.Where(d => d.PacketId == packet.Id).MaxAsync(d => (DateTime?)d.At) ?? Now;
                db.ConsentDecisions.Add(new ConsentDecision
                {
                    Id = Guid.NewGuid(), PacketId = packet.Id, Choice = choices[random.Next(choices.Length)], Statement = "test", ContentHash = "x",
                    AidVersion = packet.ContentVersion, At = latest.AddMinutes(1), IdempotencyKey = Guid.NewGuid().ToString("N"),
                });
                break;
            case 5: // a sealed record
                var decision = new ConsentDecision
                {
                    Id = Guid.NewGuid(), PacketId = packet.Id, Choice = ConsentDecision.Signed, Statement = "test", ContentHash = "x",
                    AidVersion = packet.ContentVersion, At = (await db.ConsentDecisions.Where(d => d.PacketId == packet.Id).MaxAsync(d => (DateTime?)d.At) ?? Now).AddMinutes(1),
                    IdempotencyKey = Guid.NewGuid().ToString("N"),
                };
                db.ConsentDecisions.Add(decision);
                db.ConsentRecords.Add(new ConsentRecord
                {
                    Id = Guid.NewGuid(), PacketId = packet.Id, PracticeId = packet.PracticeId, Kind = ConsentRecord.Consent, DecisionId = decision.Id,
                    SealKey = Guid.NewGuid().ToString("N"), Document = "{}", DocumentHash = "x", Hmac = "x", SealedAt = at,
                });
                break;
            case 6: // reading time, written as the page's heartbeat writes it (outside the change tracker)
                await OutcomeCounts.ExecuteAsync(db, packet.Id,
                    () => db.Packets.Where(p => p.Id == packet.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ReadingSeconds, p => p.ReadingSeconds + 30)));
                return;
            case 7: // a knowledge answer taken away (the site never does; the counts must follow anyway)
                if (packet.Answers.FirstOrDefault(a => a.Kind == AnswerKinds.Knowledge) is { } answer) packet.Answers.Remove(answer);
                break;
            default: // the packet moved to another day (the site never does): its counts leave the old day's rows
                packet.CreatedAt = packet.CreatedAt.AddDays(-random.Next(1, 30));
                break;
        }
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Concurrent_saves_to_the_same_packets_and_days_lose_no_count(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var practice = await PracticeAsync(database);
        var aid = Aids.Single(a => a.Id == "neurolysis");
        var ids = new List<Guid>();
        await using (var db = database.Open())
        {
            for (var i = 0; i < 6; i++)
            {
                var packet = NewPacket(practice, aid, Now.AddHours(-i));
                ids.Add(packet.Id);
                db.Packets.Add(packet);
            }
            await db.SaveChangesAsync();
        }
        // 12 writers, each answering the same 6 packets of one day in its own order, as double taps and two devices would.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            for (var i = 0; i < 15; i++)
            {
                await using var db = database.Open();
                var id = ids[random.Next(ids.Count)];
                await using var transaction = await db.Database.BeginTransactionAsync();
                var packet = await db.Packets.Include(p => p.Answers).SingleAsync(p => p.Id == id);
                var question = aid.KnowledgeCheck[random.Next(aid.KnowledgeCheck.Count)];
                AnswerKinds.Put(packet, AnswerKinds.Knowledge, question.Id, question.Choices[random.Next(question.Choices.Count)], Now);
                AnswerKinds.Put(packet, AnswerKinds.Sure, AnswerKinds.SureItems[random.Next(4)], random.Next(2) == 0 ? "yes" : "no", Now);
                packet.OpenedAt ??= Now;
                try
                {
                    await db.SaveChangesAsync();
                    await transaction.CommitAsync();
                }
                catch (DbUpdateException)
                {
                    // Two writers adding the same answer at once: one insert loses, as a double tap does on the site.
                }
            }
        }, TestContext.Current.CancellationToken)));
        await AssertCountsMatchAsync(database, practice, "after 12 concurrent writers");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Packets_stored_before_the_counts_existed_are_counted_once(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var practice = await PracticeAsync(database);
        await using var db = database.Open();
        await OutcomesSeed.RunAsync(db, Aids, Key, 300, Now, seed: 5, into: practice);
        var packets = await db.Packets.CountAsync();
        // As a database upgraded from before the counts: packets and answers, no tallies, no counts.
        await db.OutcomeTallies.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        await db.OutcomeCounts.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        var aid = Aids.Single(a => a.Id == "neurolysis");
        Assert.Empty(await OutcomesQuery.RunAsync(db, Everything(practice, aid), aid, Archive, TestContext.Current.CancellationToken));

        var reported = new List<(int Done, int Total)>();
        Assert.Equal(packets, await OutcomeCounts.CountMissingAsync(db, (done, total) => reported.Add((done, total)), TestContext.Current.CancellationToken));
        Assert.Equal((packets, packets), reported[^1]);
        await AssertCountsMatchAsync(database, practice, "after counting the packets stored before");
        Assert.Equal(0, await OutcomeCounts.CountMissingAsync(db, cancel: TestContext.Current.CancellationToken));
        await AssertCountsMatchAsync(database, practice, "after a second start");
    }

    [Fact]
    public async Task The_site_counts_packets_stored_before_the_counts_when_it_starts()
    {
        using var database = TestDatabases.Create(Storage.Sqlite);
        var practice = await PracticeAsync(database);
        await using (var db = database.Open())
        {
            await OutcomesSeed.RunAsync(db, Aids, Key, 50, Now, seed: 9, into: practice);
            await db.OutcomeTallies.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.OutcomeCounts.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }
        using (var site = new SiteFactory(settings: database.SiteSettings()))
        {
            // The count runs in the background once the site has started: wait for it to finish, not for a time.
            await site.Services.GetRequiredService<CountingAtStart>().Completion.WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        }
        await AssertCountsMatchAsync(database, practice, "after the site started");
    }

    [Fact]
    public async Task Pda_outcomes_check_finds_a_count_that_differs_from_the_records_and_recount_outcomes_repairs_it()
    {
        using var database = TestDatabases.Create(Storage.Sqlite);
        var practice = await PracticeAsync(database);
        await using (var db = database.Open()) await OutcomesSeed.RunAsync(db, Aids, Key, 60, Now, seed: 4, into: practice);
        var slug = (await Slug(database, practice))!;
        var keyFile = Path.Combine(TestFolders.NewTemp("pda-key"), "seal.key");
        await File.WriteAllTextAsync(keyFile, SiteFactory.SealKey, TestContext.Current.CancellationToken);
        string[] args = ["outcomes", "neurolysis", "--since", "2026-01-01", "--until", "2026-12-31", "--practice", slug, "--check",
            .. database.CliArgs(), "--seal-key-file", keyFile, "--content", TestFolders.ShippedContent()];
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(Cli.PdaCommand.Ok, Cli.PdaCommand.Run(args, output, error));
        Assert.Contains("check: the kept counts equal", output.ToString(), StringComparison.Ordinal);

        await using (var db = database.Open())
        {
            // One day's "opened" count off by one, as a bad manual edit or a restore of part of a table would leave it.
            var row = await db.OutcomeCounts.FirstAsync(c => c.PracticeId == practice && c.AidId == "neurolysis" && c.Metric == Metrics.Opened, TestContext.Current.CancellationToken);
            row.Count++;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        Assert.Equal(1, Cli.PdaCommand.Run(args, output, error));
        Assert.Contains("the kept counts differ from the packets' records", error.ToString(), StringComparison.Ordinal);

        // The repair: every packet of the practice counted again from its records.
        output.GetStringBuilder().Clear();
        Assert.Equal(Cli.PdaCommand.Ok, Cli.PdaCommand.Run(["recount-outcomes", "--practice", slug, .. args[^6..]], output, error));
        Assert.Contains("counted the outcomes of 60 packets again", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(Cli.PdaCommand.Ok, Cli.PdaCommand.Run(args, output, error));
        Assert.Contains("check: the kept counts equal", output.ToString(), StringComparison.Ordinal);

        // A database whose older packets the site has not counted yet: the report reads the records, and changes nothing.
        await using (var db = database.Open()) await db.OutcomeTallies.Take(5).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        error.GetStringBuilder().Clear();
        Assert.Equal(Cli.PdaCommand.Ok, Cli.PdaCommand.Run([.. args.Where(a => a != "--check")], output, error));
        Assert.Contains("some packets are not in the kept counts yet", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, Cli.PdaCommand.Run(args, output, error));
        await using (var db = database.Open()) Assert.Equal(55, await db.OutcomeTallies.CountAsync(TestContext.Current.CancellationToken));

        // A database from before aid versions were stored (that migration not run): the report still reads the records,
        // scoring every version with the current one, and says so.
        await using (var db = database.Open())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"PublishedAids\"", TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" LIKE '%_PublishedAids'", TestContext.Current.CancellationToken);
        }
        error.GetStringBuilder().Clear();
        Assert.Equal(Cli.PdaCommand.Ok, Cli.PdaCommand.Run([.. args.Where(a => a != "--check")], output, error));
        Assert.Contains("the database is not up to date", error.ToString(), StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(keyFile)!, recursive: true);
    }

    private static async Task<string?> Slug(TestDatabase database, Guid practice)
    {
        await using var db = database.Open();
        return await db.Practices.Where(p => p.Id == practice).Select(p => p.Slug).SingleOrDefaultAsync();
    }

    private static async Task<Guid> PracticeAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var practice = new Practice { Id = Guid.NewGuid(), Slug = $"counts-{Guid.NewGuid():N}"[..20], Name = "Counts", CreatedAt = Now };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        return practice.Id;
    }

    /// <summary>A packet of the aid as it stands, made at <paramref name="created"/> (no answers yet).</summary>
    internal static Packet NewPacket(Guid practice, Aid aid, DateTime created) => new()
    {
        Id = Guid.NewGuid(), PracticeId = practice, CreatedById = "test", AidId = aid.Id, Language = "en", ContentVersion = aid.Version, ContentHash = aid.ContentHash,
        PatientName = "Test Patient", PatientBirthDate = new DateOnly(1950, 1, 1), TokenHash = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
        TokenExpiresAt = created.AddDays(14), CreatedAt = created,
    };

    private static OutcomesFilter Everything(Guid practice, Aid aid) => new(practice, aid.Id, DateOnly.FromDateTime(Now.AddYears(-1)), DateOnly.FromDateTime(Now.AddYears(1)));

    private static string Around(string text, int at) => text[Math.Max(0, at - 150)..Math.Min(text.Length, at + 150)];

    /// <summary>Every aid, over everything and over a window of 20 days: the kept counts give what the records give.</summary>
    private static async Task AssertCountsMatchAsync(TestDatabase database, Guid practice, string when)
    {
        await using var db = database.Open();
        foreach (var aid in Aids)
        {
            foreach (var filter in new[] { Everything(practice, aid), new OutcomesFilter(practice, aid.Id, DateOnly.FromDateTime(Now.AddDays(-40)), DateOnly.FromDateTime(Now.AddDays(-21))) })
            {
                var expected = OutcomesQuery.Canonical(await OutcomesQuery.FromRecordsAsync(db, filter, aid, Archive, TestContext.Current.CancellationToken));
                var kept = OutcomesQuery.Canonical(await OutcomesQuery.RunAsync(db, filter, aid, Archive, TestContext.Current.CancellationToken));
                var at = expected.Zip(kept).TakeWhile(c => c.First == c.Second).Count();
                Assert.True(expected == kept, $"{aid.Id} {filter.From}..{filter.To} {when}, from character {at}:\nrecords {Around(expected, at)}\nkept    {Around(kept, at)}");
            }
        }
    }
}
