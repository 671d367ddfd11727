using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DecisionAid.Web.Tests.Data;

/// <summary>A practice's bathing advice, once one column per language, moves to a row per language and back, on both providers.</summary>
public sealed class PracticeTextsMigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bathing_advice_in_the_old_columns_becomes_a_row_per_language(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var id = Guid.NewGuid();
        await using (var db = database.Open())
        {
            db.Practices.Add(new Practice { Id = id, Slug = "old-clinic", Name = "Old Clinic", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            // Back to the schema before practice texts, where the advice was two columns.
            await db.GetService<IMigrator>().MigrateAsync("AccountHardening", TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"Practices\" SET \"BathingAdvice\" = 'Shower tomorrow.', \"BathingAdviceEs\" = 'Dúchese mañana.' WHERE \"Slug\" = 'old-clinic'",
                TestContext.Current.CancellationToken);
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }
        await using (var db = database.Open())
        {
            var practice = await db.Practices.Include(p => p.Texts).SingleAsync(p => p.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal("Shower tomorrow.", practice.TextIn(PracticeText.Bathing, "en"));
            Assert.Equal("Dúchese mañana.", practice.TextIn(PracticeText.Bathing, "es"));
            Assert.Null(practice.TextIn(PracticeText.Bathing, "zh"));
            Assert.Equal(2, practice.Texts.Count);
        }
    }
}
