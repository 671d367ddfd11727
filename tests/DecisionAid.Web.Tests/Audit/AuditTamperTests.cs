using DecisionAid.Cli;
using DecisionAid.Core.Consent;
using DecisionAid.Web.Data;
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
            foreach (var tamper in new[] { "changed answer", "deleted audit row", "swapped audit rows", "changed sealed record", "re-hashed sealed record", "wrong seal key" })
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
        var keyFile = Path.Combine(TestFolders.NewTemp("pda-key"), "seal.key");
        await File.WriteAllTextAsync(keyFile, SiteFactory.SealKey, TestContext.Current.CancellationToken);

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
            "deleted audit row" => "audit entry 3 is missing",
            "swapped audit rows" => "audit entry 2 (",
            "changed sealed record" => $"consent record {recordId}: its document does not match its SHA-256",
            _ => $"consent record {recordId}: its HMAC does not match",
        };
        Assert.Contains($"BROKEN: {expected}", output, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(keyFile)!, recursive: true);
    }

    private static (int Code, string Output) Verify(ConsentScenario s, string keyFile)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PdaCommand.Run(["audit", "verify", .. s.Clinic.Database.CliArgs(), "--seal-key-file", keyFile], output, error);
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
