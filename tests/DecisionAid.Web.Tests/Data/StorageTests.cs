using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Web.Tests.Data;

public class StorageTests
{
    private static Practice NewPractice(string slug) => new() { Id = Guid.NewGuid(), Slug = slug, Name = $"Practice {slug}", CreatedAt = DateTime.UtcNow };

    private static Packet NewPacket(Guid practice, string clinician) => new()
    {
        Id = Guid.NewGuid(), PracticeId = practice, CreatedById = clinician, AidId = "neurolysis", Language = "en",
        ContentVersion = "1.0.0", ContentHash = new string('a', 64), Target = "genicular", Method = "heat", HealthFactors = "blood-thinners diabetes",
        PatientName = "Pat Example", PatientBirthDate = new DateOnly(1950, 3, 14), TokenHash = SHA256.HashData(Guid.NewGuid().ToByteArray()),
        TokenExpiresAt = DateTime.UtcNow.AddDays(14), CreatedAt = DateTime.UtcNow,
    };

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_packet_and_its_answers_are_stored_and_read_back(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var practice = NewPractice("north");
        var clinician = new Clinician { UserName = "dr.north@example.org", DisplayName = "Dr North", PracticeId = practice.Id };
        var packet = NewPacket(practice.Id, clinician.Id);
        await using (var db = database.Open())
        {
            db.Practices.Add(practice);
            db.Users.Add(clinician);
            db.Packets.Add(packet);
            packet.Answers.Add(new PacketAnswer { Kind = "knowledge", ItemId = "what-it-does", Value = "destroys", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using (var db = database.Open())
        {
            var read = await db.Packets.Include(p => p.Answers).SingleAsync(p => p.Id == packet.Id, TestContext.Current.CancellationToken);
            Assert.Equal(new DateOnly(1950, 3, 14), read.PatientBirthDate);
            Assert.Equal(["blood-thinners", "diabetes"], read.HealthFactorIds);
            Assert.Equal(packet.TokenHash, read.TokenHash);
            Assert.Equal("destroys", Assert.Single(read.Answers).Value);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Two_packets_cannot_share_a_token_and_two_practices_cannot_share_a_slug(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var practice = NewPractice("south");
        await using (var db = database.Open())
        {
            db.Practices.Add(practice);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using (var db = database.Open())
        {
            var first = NewPacket(practice.Id, "c1");
            var second = NewPacket(practice.Id, "c1");
            second.TokenHash = first.TokenHash;
            db.Packets.AddRange(first, second);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }
        await using (var db = database.Open())
        {
            db.Practices.Add(NewPractice("south"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_answer_is_one_row_per_item_and_saving_again_replaces_it(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var practice = NewPractice("east");
        var packet = NewPacket(practice.Id, "c1");
        await using (var db = database.Open())
        {
            db.Practices.Add(practice);
            db.Packets.Add(packet);
            db.PacketAnswers.Add(new PacketAnswer { PacketId = packet.Id, Kind = "sure", ItemId = "sure-1", Value = "no", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using (var db = database.Open())
        {
            db.PacketAnswers.Add(new PacketAnswer { PacketId = packet.Id, Kind = "sure", ItemId = "sure-1", Value = "yes", UpdatedAt = DateTime.UtcNow });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }
        await using (var db = database.Open())
        {
            var answer = await db.PacketAnswers.SingleAsync(TestContext.Current.CancellationToken);
            answer.Value = "yes";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            Assert.Equal("yes", (await db.PacketAnswers.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).Value);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_site_migrates_its_database_at_start_and_answers(string provider)
    {
        using var database = TestDatabases.Create(provider);
        using var site = new SiteFactory(settings: database.SiteSettings());
        var response = await site.Client().GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = database.Open();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.True(await db.DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken) >= 0);
    }

    [Fact]
    public async Task SQLite_runs_with_write_ahead_logging_full_sync_and_a_busy_timeout_on_every_use_of_a_pooled_connection()
    {
        using var database = TestDatabases.Create(Storage.Sqlite);
        var handles = new List<object>();
        for (var use = 0; use < 3; use++)
        {
            // Each context opens a connection from the pool; the pragmas are set once per native connection.
            await using var db = database.Open();
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
            handles.Add(connection.Handle!);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            command.CommandText = "PRAGMA synchronous";
            Assert.Equal(2L, (long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)); // 2 = FULL
            command.CommandText = "PRAGMA busy_timeout";
            Assert.Equal(30000L, (long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        Assert.Same(handles[0], handles[2]); // the pool gave the same native connection back
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(";Max Auto Prepare=0", false)]
    [InlineData(";MaxAutoPrepare=0", false)]
    [InlineData(";Max Auto Prepare=20", true)]
    public async Task PostgreSQL_prepares_the_statements_a_connection_runs_often_unless_the_connection_string_says_not(string setting, bool prepared)
    {
        using var database = TestDatabases.Create(Storage.Postgres);
        var settings = database.SiteSettings();
        settings["ConnectionStrings:DecisionAid"] += setting;
        using var site = new SiteFactory(settings: settings);
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        // Npgsql prepares a statement once the connection has run it 5 times.
        for (var run = 0; run < 6; run++) await db.Packets.CountAsync(p => p.AidId == "neurolysis", TestContext.Current.CancellationToken);
        var kept = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements").SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(prepared == kept > 0, $"{kept} statements prepared on {db.Database.GetConnectionString()}");
    }
}
