using DecisionAid.Core.Content;
using DecisionAid.Web.Library;
using DecisionAid.Web.Outcomes;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;
using DecisionAid.Web.Tests.Library;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Web.Tests.Outcomes;

/// <summary>
/// A new version of an aid may change a knowledge check's right answer. Patients who read the older version are
/// scored with the answers that version taught, on the page, in its checks and in the export; on both databases.
/// </summary>
public sealed class VersionScoringTests
{
    private const string NewVersion = "9.9.9";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_version_is_scored_with_its_own_answer_key(string provider)
    {
        var content = TestFolders.NewTemp("pda-content");
        try
        {
            TestFolders.Copy(TestFolders.ShippedContent(), content);
            using var clinic = new SignedInClinic(provider, new() { ["Content:Path"] = content });
            var old = clinic.Site.Services.GetRequiredService<AidLibrary>().Find("neurolysis")!;
            // The new version teaches another answer to the first question (and publishes at the restart).
            var first = old.KnowledgeCheck[0];
            var changed = first.Choices.First(c => c != first.Answer);
            await NewContentVersion.WriteAsync(content, "neurolysis", old.Version, NewVersion, text =>
            {
                // Only aid.yaml holds the key: the first question's answer, after its id.
                var question = text.IndexOf($"- id: {first.Id}", StringComparison.Ordinal);
                var answer = question < 0 ? -1 : text.IndexOf($"answer: {first.Answer}", question, StringComparison.Ordinal);
                return answer < 0 ? text : string.Concat(text.AsSpan(0, answer), $"answer: {changed}", text.AsSpan(answer + $"answer: {first.Answer}".Length));
            });
            clinic.Restart();
            var (lead, practice) = await clinic.NewPracticeAsync("Scoring Clinic");
            var current = clinic.Site.Services.GetRequiredService<AidLibrary>().Find("neurolysis")!;
            Assert.Equal(NewVersion, current.Version);
            Assert.Equal(changed, current.KnowledgeCheck[0].Answer);

            // One patient of each version, each answering every question as their version taught.
            await using (var db = clinic.Database.Open())
            {
                foreach (var aid in new[] { old, current })
                {
                    var packet = OutcomeCountsTests.NewPacket(practice, aid, DateTime.UtcNow.AddHours(-1));
                    packet.OpenedAt = packet.CreatedAt.AddMinutes(1);
                    foreach (var q in aid.KnowledgeCheck) AnswerKinds.Put(packet, AnswerKinds.Knowledge, q.Id, q.Answer, packet.CreatedAt.AddMinutes(5));
                    db.Packets.Add(packet);
                }
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }

            var archive = clinic.Site.Services.GetRequiredService<AidArchive>();
            var filter = new OutcomesFilter(practice, "neurolysis", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)));
            await using (var db = clinic.Database.Open())
            {
                foreach (var outcomes in new[] { await OutcomesQuery.RunAsync(db, filter, current, archive), await OutcomesQuery.FromRecordsAsync(db, filter, current, archive) })
                {
                    Assert.Equal([old.Version, NewVersion], outcomes.Select(v => v.Version));
                    Assert.All(outcomes, v =>
                    {
                        Assert.Equal(new Dictionary<int, long> { [v.Questions] = 1 }, v.Scores);
                        Assert.All(v.ByQuestion, q => Assert.Equal((1, 0), (q.Answered, q.Missed)));
                    });
                }
            }

            // The page shows each version's patient with every answer right, and the export scores both so.
            var page = await lead.GetStringAsync($"/clinic/outcomes?aid=neurolysis&from={filter.From:yyyy-MM-dd}&to={filter.To:yyyy-MM-dd}", TestContext.Current.CancellationToken);
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(page, System.Text.RegularExpressions.Regex.Escape("all right 100.0%")));
            var csv = (await lead.GetStringAsync($"/clinic/outcomes/packets.csv?aid=neurolysis&from={filter.From:yyyy-MM-dd}&to={filter.To:yyyy-MM-dd}", TestContext.Current.CancellationToken)).TrimEnd('\n').Split('\n');
            var header = csv[0].Split(',');
            var (answered, right) = (Array.IndexOf(header, "knowledge_answered"), Array.IndexOf(header, "knowledge_right"));
            Assert.All(csv.Skip(1), row => Assert.Equal((old.KnowledgeCheck.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), old.KnowledgeCheck.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), (row.Split(',')[answered], row.Split(',')[right])));
            Assert.Equal(3, csv.Length);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }
}
