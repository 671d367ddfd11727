using System.Security.Cryptography;
using DecisionAid.Core.Content;
using DecisionAid.Records.Audit;
using DecisionAid.Records.Consent;
using DecisionAid.Records.Data;
using DecisionAid.Records.Packets;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Records.Outcomes;

/// <summary>
/// Generated packets for trying the outcomes area and measuring it (`pda seed-demo --packets 100000`): one demo
/// practice, every aid in two content versions (an older "0.9.0" that explains less well, and the current one),
/// English and Spanish, over the last 180 days, with answers, reading time and consent decisions drawn from a
/// seeded random generator, so the same command makes the same data. Decisions get their audit entries, so
/// `pda audit verify` stays intact. Never mixed into a real practice: it makes its own.
/// </summary>
public static class OutcomesSeed
{
    public const string Slug = "demo-outcomes";
    public const string OlderVersion = "0.9.0";
    private const int Batch = 500; // short write transactions: the site keeps answering while a large seed runs

    /// <param name="into">A practice to fill instead of the demo practice (tests and the benchmark use their own).</param>
    public static async Task<Guid> RunAsync(DecisionAidDb db, IReadOnlyList<Aid> aids, SealKey key, int count, DateTime now, int seed = 1, TextWriter? progress = null, Guid? into = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(aids);
        var practice = into is { } id ? await db.Practices.SingleAsync(p => p.Id == id) : await db.Practices.SingleOrDefaultAsync(p => p.Slug == Slug);
        if (practice is null)
        {
            practice = new Practice { Id = Guid.NewGuid(), Slug = Slug, Name = "Demo Outcomes Clinic (generated data)", CreatedAt = now };
            db.Practices.Add(practice);
            await db.SaveChangesAsync();
        }
        var random = new Random(seed);
        var surveys = new Random(seed + 7919); // its own sequence: adding the survey left the other answers as they were
        var audit = new AuditTrail(db, new FixedClock(now), key);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var done = 0; done < count;)
        {
            var events = new List<AuditEvent>();
            var size = Math.Min(Batch, count - done);
            for (var i = 0; i < size; i++) events.AddRange(Packet(db, practice.Id, aids[random.Next(aids.Count)], random, surveys, now));
            await audit.SaveAsync([.. events]);
            db.ChangeTracker.Clear();
            done += size;
            progress?.WriteLine($"{done:N0} of {count:N0} packets");
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return practice.Id;
    }

    private static IEnumerable<AuditEvent> Packet(DecisionAidDb db, Guid practiceId, Aid aid, Random random, Random surveys, DateTime now)
    {
        var older = random.NextDouble() < 0.4;
        var language = random.NextDouble() < 0.7 || !aid.Texts.ContainsKey("es") ? "en" : "es";
        var created = now.AddSeconds(-random.Next(1, 180 * 24 * 3600));
        var packet = new Packet
        {
            Id = Guid.NewGuid(), PracticeId = practiceId, CreatedById = "seed-demo", AidId = aid.Id, Language = language,
            ContentVersion = older ? OlderVersion : aid.Version, ContentHash = older ? "generated" : aid.ContentHash,
            PatientName = "Generated Patient", PatientBirthDate = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 365 * 45)),
            TokenHash = RandomNumberGenerator.GetBytes(32), TokenExpiresAt = created.AddDays(14), CreatedAt = created,
        };
        db.Packets.Add(packet);
        yield return Fingerprints.PacketCreated(packet, "system", "seed-demo");
        if (random.NextDouble() > 0.85) yield break;
        packet.OpenedAt = created.AddMinutes(random.Next(5, 3 * 24 * 60));
        packet.ReadingSeconds = 30 * random.Next(1, 30);
        void Answer(string kind, string item, string value) =>
            db.PacketAnswers.Add(new PacketAnswer { PacketId = packet.Id, Kind = kind, ItemId = item, Value = value, UpdatedAt = packet.OpenedAt.Value });
        if (random.NextDouble() > 0.8) yield break;
        for (var q = 0; q < aid.KnowledgeCheck.Count; q++)
        {
            var question = aid.KnowledgeCheck[q];
            // The older version explains less well, and its third question most of all.
            var right = (older ? 0.72 : 0.88) - (q == 2 && older ? 0.25 : 0);
            var wrong = question.Choices.Where(c => c != question.Answer).ToList();
            Answer(AnswerKinds.Knowledge, question.Id, random.NextDouble() < right || wrong.Count == 0 ? question.Answer : wrong[random.Next(wrong.Count)]);
        }
        foreach (var item in AnswerKinds.SureItems) Answer(AnswerKinds.Sure, item, random.NextDouble() < (older ? 0.9 : 0.95) ? "yes" : "no");
        var satisfaction = random.NextDouble() switch { < 0.03 => 1, < 0.08 => 2, < 0.2 => 3, < 0.55 => 4, _ => 5 };
        Answer(AnswerKinds.Satisfaction, AnswerKinds.Single, satisfaction.ToString(System.Globalization.CultureInfo.InvariantCulture));
        packet.FinishedAt = packet.OpenedAt.Value.AddSeconds(packet.ReadingSeconds);
        // Half answer the post-visit survey, near the trial's means with an aid (the older version a little lower); a few skip an item.
        if (surveys.NextDouble() < 0.5)
            foreach (var item in Core.Surveys.VisitSurvey.Items)
            {
                var centre = (item.TrialWithAid ?? 4.3) - (older ? 0.3 : 0);
                var normal = Math.Sqrt(-2 * Math.Log(1 - surveys.NextDouble())) * Math.Cos(2 * Math.PI * surveys.NextDouble());
                var rating = Math.Clamp((int)Math.Round(centre + (0.8 * normal)), 1, 5);
                Answer(AnswerKinds.Survey, item.Id, surveys.NextDouble() < 0.04 ? Core.Surveys.VisitSurvey.Skipped : rating.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        var choice = random.NextDouble() switch { < 0.6 => ConsentDecision.Signed, < 0.8 => ConsentDecision.TalkFirst, < 0.9 => ConsentDecision.Declined, _ => null };
        if (choice is null) yield break;
        var decision = new ConsentDecision
        {
            Id = Guid.NewGuid(), PacketId = packet.Id, Choice = choice, TypedName = choice == ConsentDecision.Signed ? "Generated Patient" : null,
            Statement = "(generated demo data)", ContentHash = "generated", AidVersion = packet.ContentVersion,
            At = AuditTrail.Truncate(packet.FinishedAt.Value.AddMinutes(1)), IdempotencyKey = packet.Id.ToString("N"),
        };
        db.ConsentDecisions.Add(decision);
        yield return new AuditEvent(AuditActions.ConsentDecided, AuditActions.Patient, practiceId, packet.Id, Detail: $"{choice}, decision {decision.Id}");
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(now, DateTimeKind.Utc));
    }
}
