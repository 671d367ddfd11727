using DecisionAid.Cli;
using DecisionAid.Core.Consent;
using DecisionAid.Web.Tests.Consent;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Audit;

/// <summary>
/// Someone with write access to the database changes it behind the site's back. The triggers stop the careless;
/// `pda audit verify` catches the rest and names the first broken entry or record. On both databases.
/// </summary>
public sealed class AuditTamperTests
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var provider in new[] { Storage.Sqlite, Storage.Postgres })
            foreach (var tamper in new[] { "changed answer", "deleted audit row", "swapped audit rows", "changed sealed record", "re-hashed sealed record", "wrong seal key", "deleted sealed record", "rewritten chain", "forged decision" })
                cases.Add(provider, tamper);
        return cases;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_database_refuses_to_change_or_delete_audit_entries_and_sealed_records(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        await s.SignAndCountersignAsync();
        await using var db = s.Clinic.Database.Open();
        foreach (var sql in new[]
        {
            "UPDATE \"AuditEntries\" SET \"Detail\" = 'nothing happened'",
            "DELETE FROM \"AuditEntries\" WHERE \"Seq\" = 1",
            "UPDATE \"ConsentRecords\" SET \"Kind\" = 'withdrawal'",
            "DELETE FROM \"ConsentRecords\"",
            "UPDATE \"ConsentDecisions\" SET \"TypedName\" = 'Someone Else'",
            "DELETE FROM \"ShownContents\"",
        })
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }
        if (provider == Storage.Postgres)
            Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\""))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Pda_audit_verify_names_what_was_tampered_with(string provider, string tamper)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        var recordId = await s.SignAndCountersignAsync();
        var keyFile = await KeyFileAsync();

        var (code, output) = Verify(s, keyFile);
        Assert.True(code == PdaCommand.Ok, output);
        Assert.Contains("intact", output, StringComparison.Ordinal);
        Assert.Contains("sealed records checked: 1", output, StringComparison.Ordinal);
        Assert.Matches("last hash: [0-9a-f]{64}", output);

        await using (var db = s.Clinic.Database.Open())
        {
            await DropTriggersAsync(db, provider);
            switch (tamper)
            {
                case "changed answer":
                    await db.Database.ExecuteSqlRawAsync("UPDATE \"PacketAnswers\" SET \"Value\" = 'other-nerves' WHERE \"ItemId\" = 'main-risk'");
                    break;
                case "deleted audit row":
                    await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Seq\" = 3");
                    break;
                case "swapped audit rows":
                    await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Seq\" = -1 WHERE \"Seq\" = 2");
                    await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Seq\" = 2 WHERE \"Seq\" = 3");
                    await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Seq\" = 3 WHERE \"Seq\" = -1");
                    break;
                case "changed sealed record":
                    await db.Database.ExecuteSqlRawAsync("UPDATE \"ConsentRecords\" SET \"Document\" = REPLACE(\"Document\", 'Ana Ruiz', 'Nobody')");
                    break;
                case "re-hashed sealed record":
                    var record = await db.ConsentRecords.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
                    var forged = record.Document.Replace("Ana Ruiz", "Nobody", StringComparison.Ordinal);
                    await db.Database.ExecuteSqlAsync($"UPDATE \"ConsentRecords\" SET \"Document\" = {forged}, \"DocumentHash\" = {SealedDocument.Sha256(forged)}");
                    break;
                case "deleted sealed record":
                    await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ConsentRecords\"");
                    break;
                case "rewritten chain":
                    // Change an entry and recompute every hash after it, as someone without the seal key can.
                    var forger = new DecisionAid.Records.Consent.SealKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                    var chain = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).ToListAsync(TestContext.Current.CancellationToken);
                    var previous = DecisionAid.Records.Audit.AuditTrail.Genesis;
                    foreach (var entry in chain)
                    {
                        if (entry.Seq == 2) entry.Detail = "nothing happened";
                        entry.PreviousHash = previous;
                        entry.Hash = DecisionAid.Records.Audit.AuditTrail.HashOf(entry, forger);
                        previous = entry.Hash;
                        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Detail\" = {entry.Detail}, \"PreviousHash\" = {entry.PreviousHash}, \"Hash\" = {entry.Hash} WHERE \"Seq\" = {entry.Seq}");
                    }
                    break;
                case "forged decision":
                    var signed = await db.ConsentDecisions.AsNoTracking().FirstAsync(TestContext.Current.CancellationToken);
                    db.ConsentDecisions.Add(new ConsentDecision
                    {
                        Id = Guid.NewGuid(), PacketId = signed.PacketId, Choice = "declined", Statement = signed.Statement, ContentHash = signed.ContentHash,
                        AidVersion = signed.AidVersion, At = DateTime.UtcNow, IdempotencyKey = "forged-key-forged-key",
                    });
                    await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                    break;
                case "wrong seal key":
                    await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), TestContext.Current.CancellationToken);
                    break;
            }
        }

        (code, output) = Verify(s, keyFile);
        Assert.True(code == PdaCommand.ProblemsFound, output);
        var expected = tamper switch
        {
            "changed answer" => $"consent record {recordId}: the packet's answers differ from the answers it sealed",
            "deleted audit row" => "BROKEN: audit entry 3 is missing",
            "swapped audit rows" => "audit entry 2 (",
            "changed sealed record" => $"consent record {recordId}: its document does not match its SHA-256",
            "deleted sealed record" => $"sealed consent record {recordId}, which is missing",
            "re-hashed sealed record" => $"consent record {recordId}: its SHA-256 differs from the one audit entry",
            "rewritten chain" or "wrong seal key" => "audit entry 1 (packet.create",
            "forged decision" => "has no audit entry: it was added behind the site's back",
            _ => $"consent record {recordId}: its HMAC does not match",
        };
        Assert.Contains("BROKEN: ", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        if (tamper == "swapped audit rows") Assert.Contains("does not follow the entry before it", output, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(keyFile)!, recursive: true);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_withdrawal_moved_before_its_consent_still_counts_and_verify_names_it(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        await s.SignAndCountersignAsync();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await s.WithdrawByPatientAsync()).StatusCode);
        var keyFile = await KeyFileAsync();
        Assert.True(Verify(s, keyFile).Code == PdaCommand.Ok);
        Guid withdrawal;
        await using (var db = s.Clinic.Database.Open())
        {
            await DropTriggersAsync(db, provider);
            withdrawal = (await db.ConsentRecords.SingleAsync(r => r.Kind == "withdrawal", TestContext.Current.CancellationToken)).Id;
            var before = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.Database.ExecuteSqlAsync($"UPDATE \"ConsentRecords\" SET \"SealedAt\" = {before} WHERE \"Id\" = {withdrawal}");
        }
        // The site goes by what the records seal (the withdrawal supersedes the consent), not by the changed time.
        var status = await (await s.Clinician.GetAsync("/clinic/")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Withdrawn", status, StringComparison.Ordinal);
        var (code, output) = Verify(s, keyFile);
        Assert.True(code == PdaCommand.ProblemsFound, output);
        Assert.Contains($"consent record {withdrawal}: its sealed time differs from its sealed document", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_pending_decline_changed_into_a_signature_is_caught_and_cannot_be_sealed(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        await s.AnswerKnowledgeCheckAsync();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await s.DecideAsync("declined")).StatusCode);
        var keyFile = await KeyFileAsync();
        Assert.True(Verify(s, keyFile).Code == PdaCommand.Ok);
        Guid decision;
        await using (var db = s.Clinic.Database.Open())
        {
            await DropTriggersAsync(db, provider);
            decision = (await db.ConsentDecisions.SingleAsync(TestContext.Current.CancellationToken)).Id;
            await db.Database.ExecuteSqlAsync(
                $"UPDATE \"ConsentDecisions\" SET \"Choice\" = 'signed', \"TypedName\" = 'Forged Name', \"SignatureSvg\" = '<svg xmlns=\"http://www.w3.org/2000/svg\"/>'");
        }
        var (code, output) = Verify(s, keyFile);
        Assert.True(code == PdaCommand.ProblemsFound, output);
        Assert.Contains($"consent decision {decision}: its choice, name, drawing, statement or time differ from what audit entry", output, StringComparison.Ordinal);

        await s.CountersignAsync(decision);
        await using var check = s.Clinic.Database.Open();
        Assert.False(await check.ConsentRecords.AnyAsync(TestContext.Current.CancellationToken));
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == "consent.refused" && e.Detail!.Contains("changed outside the site"), TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cutting_off_the_newest_audit_entries_is_caught_by_a_checkpoint_kept_outside(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        await s.SignAndCountersignAsync();
        var keyFile = await KeyFileAsync();
        var checkpoints = Path.Combine(Path.GetDirectoryName(keyFile)!, "checkpoints.txt");
        var (code, output) = Verify(s, keyFile, "--checkpoint-file", checkpoints);
        Assert.True(code == PdaCommand.Ok, output);
        var line = File.ReadAllLines(checkpoints).Single();
        Assert.Matches("^[0-9]+ [0-9a-f]{64} [0-9T:Z-]+$", line);
        // Later entries do not upset the checkpoint: it is still in the chain.
        await s.Patient.GetAsync("/packet", TestContext.Current.CancellationToken);
        (code, output) = Verify(s, keyFile, "--checkpoint-file", checkpoints);
        Assert.True(code == PdaCommand.Ok, output);
        Assert.Contains("checkpoint found: entry", output, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(checkpoints).Length);
        var lastHash = File.ReadAllLines(checkpoints)[1].Split(' ')[1];

        await using (var db = s.Clinic.Database.Open())
        {
            await DropTriggersAsync(db, provider);
            var newest = await db.AuditEntries.MaxAsync(e => e.Seq, TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Seq\" = {newest}");
        }
        // Without a checkpoint, a chain cut at its end still verifies; with one, it does not.
        Assert.True(Verify(s, keyFile).Code == PdaCommand.Ok);
        (code, output) = Verify(s, keyFile, "--checkpoint-file", checkpoints);
        Assert.True(code == PdaCommand.ProblemsFound, output);
        Assert.Contains("is not in the chain: entries after it were deleted", output, StringComparison.Ordinal);
        (code, output) = Verify(s, keyFile, "--expect-last-hash", lastHash);
        Assert.True(code == PdaCommand.ProblemsFound, output);
        (code, output) = Verify(s, keyFile, "--expect-last-hash", "not-a-hash");
        Assert.True(code == PdaCommand.BadUsage, output);
        Assert.Contains("is not a hash of 64 hex digits", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_sealed_packets_patient_changed_in_its_row_is_caught(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        var recordId = await s.SignAndCountersignAsync();
        var keyFile = await KeyFileAsync();
        foreach (var change in new[] { "UPDATE \"Packets\" SET \"PatientName\" = 'Someone Else'", "UPDATE \"Packets\" SET \"PatientBirthDate\" = '1960-01-01'" })
        {
            await using (var db = s.Clinic.Database.Open())
            {
                await db.Database.ExecuteSqlRawAsync(change);
            }
            var (code, output) = Verify(s, keyFile);
            Assert.True(code == PdaCommand.ProblemsFound, output);
            Assert.Contains($"packet {s.PacketId}: its patient or choices differ from its newest sealed record {recordId}", output, StringComparison.Ordinal);
            await using (var db = s.Clinic.Database.Open())
            {
                await db.Database.ExecuteSqlAsync($"UPDATE \"Packets\" SET \"PatientName\" = {ConsentScenario.PatientName}, \"PatientBirthDate\" = {DateOnly.Parse(ConsentScenario.BirthDate, System.Globalization.CultureInfo.InvariantCulture)}");
            }
            Assert.True(Verify(s, keyFile).Code == PdaCommand.Ok);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_unsealed_packets_patient_changed_in_its_row_is_caught_and_cannot_be_sealed(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        await s.AnswerKnowledgeCheckAsync();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await s.DecideAsync("signed")).StatusCode);
        var keyFile = await KeyFileAsync();
        await using (var db = s.Clinic.Database.Open())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Packets\" SET \"PatientName\" = 'Someone Else'");
        }
        var (code, output) = Verify(s, keyFile);
        Assert.True(code == PdaCommand.ProblemsFound, output);
        Assert.Contains($"packet {s.PacketId}: its patient or choices differ from what audit entry 1 recorded when it was made", output, StringComparison.Ordinal);
        await s.CountersignAsync();
        await using var check = s.Clinic.Database.Open();
        Assert.False(await check.ConsentRecords.AnyAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<string> KeyFileAsync()
    {
        var keyFile = Path.Combine(TestFolders.NewTemp("pda-key"), "seal.key");
        await File.WriteAllTextAsync(keyFile, SiteFactory.SealKey, TestContext.Current.CancellationToken);
        return keyFile;
    }

    private static (int Code, string Output) Verify(ConsentScenario s, string keyFile, params string[] more)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PdaCommand.Run(["audit", "verify", .. s.Clinic.Database.CliArgs(), "--seal-key-file", keyFile, .. more], output, error);
        return (code, output.ToString() + error);
    }

    /// <summary>What someone with full access to the database would do first.</summary>
#pragma warning disable EF1002 // the names are our own constants, not input
    private static async Task DropTriggersAsync(DecisionAidDb db, string provider)
    {
        foreach (var table in AppendOnlyTables.Tables)
        {
            if (provider == Storage.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER \"{table}_no_update\"");
                await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER \"{table}_no_delete\"");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER \"{table}_append_only\" ON \"{table}\"");
            }
        }
    }
#pragma warning restore EF1002
}
