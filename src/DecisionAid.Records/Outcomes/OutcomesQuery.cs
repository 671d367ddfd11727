using DecisionAid.Core.Content;
using DecisionAid.Core.Outcomes;
using DecisionAid.Records.Data;
using DecisionAid.Records.Library;
using DecisionAid.Records.Packets;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Records.Outcomes;

/// <summary>Which packets count: one practice, one aid, made on or after <see cref="From"/> and before the day after <see cref="To"/> (UTC dates).</summary>
public sealed record OutcomesFilter(Guid PracticeId, string AidId, DateOnly From, DateOnly To)
{
    public DateTime Start => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    public DateTime End => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// <summary>One knowledge-check question: how many answered it and how many missed it.</summary>
public sealed record QuestionOutcome(string Id, long Answered, long Missed)
{
    public Proportion MissRate => new(Missed, Answered);
}

/// <summary>One post-visit survey item: how many gave each rating 1 to 5, and how many skipped it.</summary>
public sealed record SurveyOutcome(Core.Surveys.SurveyItem Item, IReadOnlyList<long> Ratings, long Skipped)
{
    public Mean Mean => Mean.OfRatings(Ratings);
    /// <summary>The mean's 95% t interval, kept within 1 to 5.</summary>
    public (double Low, double High)? Interval => Core.Surveys.VisitSurvey.OnScale(Mean.Interval);
}

/// <summary>Everything the outcomes page shows for one aid in one language and content version.</summary>
public sealed record VersionOutcomes
{
    public required string Language { get; init; }
    public required string Version { get; init; }
    /// <summary>The aid this version's patients read, which its questions and scores are of (not part of the numbers).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Aid? Shown { get; init; }
    public long Sent { get; init; }
    public long Opened { get; init; }
    public long Finished { get; init; }
    /// <summary>Patients who answered every question of the check, by their number right (0 to the number of questions).</summary>
    public required IReadOnlyDictionary<int, long> Scores { get; init; }
    public int Questions { get; init; }
    public required IReadOnlyList<QuestionOutcome> ByQuestion { get; init; }
    /// <summary>Patients who answered all four SURE items, and how many said "no" to any.</summary>
    public long SureComplete { get; init; }
    public long SureAnyNo { get; init; }
    /// <summary>Satisfaction ratings 1 to 5: how many gave each.</summary>
    public required IReadOnlyList<long> Satisfaction { get; init; }
    public long Readers { get; init; }
    public long ReadingSeconds { get; init; }
    /// <summary>The newest decision of each patient who decided: signed, talk-first, declined or withdrawn.</summary>
    public required IReadOnlyDictionary<string, long> Decisions { get; init; }
    public long Sealed { get; init; }
    /// <summary>The post-visit survey, item by item.</summary>
    public required IReadOnlyList<SurveyOutcome> Survey { get; init; }

    public long ChecksDone => Scores.Values.Sum();
    public Proportion OpenedShare => new(Opened, Sent);
    public Proportion FinishedShare => new(Finished, Sent);
    public Proportion Perfect => new(Scores.GetValueOrDefault(Questions), ChecksDone);
    public Proportion SureConflict => new(SureAnyNo, SureComplete);
    public double? MeanScore => ChecksDone == 0 ? null : (double)Scores.Sum(s => (long)s.Key * s.Value) / ChecksDone;
    public Mean SatisfactionMean => Mean.OfRatings(Satisfaction);
    public double? MeanReadingMinutes => Readers == 0 ? null : ReadingSeconds / 60.0 / Readers;
}

/// <summary>
/// The outcomes of one aid. The page reads the kept counts (<see cref="OutcomeCounts"/>): a few rows per day, language
/// and version, so its cost does not grow with the number of packets. <see cref="FromRecordsAsync"/> computes the
/// same numbers from every packet and answer, to check the counts against (`pda outcomes --check`, the tests). Each
/// version's knowledge check is scored with that version's own questions and answer key (<see cref="AidArchive.ByVersionAsync"/>).
/// </summary>
public static class OutcomesQuery
{
    public static async Task<IReadOnlyList<VersionOutcomes>> RunAsync(DecisionAidDb db, OutcomesFilter filter, Aid aid, AidArchive archive, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(aid);
        ArgumentNullException.ThrowIfNull(archive);
        var rows = await db.OutcomeCounts.AsNoTracking()
            .Where(c => c.PracticeId == filter.PracticeId && c.AidId == filter.AidId && c.Day >= filter.From && c.Day <= filter.To)
            .GroupBy(c => new { c.Language, c.Version, c.Metric })
            .Select(g => new { g.Key.Language, g.Key.Version, g.Key.Metric, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancel);
        var shown = await archive.ByVersionAsync(db, aid, rows.Select(r => r.Version), cancel);
        return [.. rows.GroupBy(r => (r.Language, r.Version))
            .Select(g => (g.Key.Language, g.Key.Version, Counts: g.Where(r => r.Count != 0).ToDictionary(r => r.Metric, r => r.Count, StringComparer.Ordinal)))
            .Where(v => v.Counts.GetValueOrDefault(Metrics.Sent) > 0)
            .OrderBy(v => v.Language, StringComparer.Ordinal).ThenBy(v => Versions.SortKey(v.Version))
            .Select(v =>
            {
                var check = shown[v.Version].KnowledgeCheck;
                var questions = check.Count;
                var key = check.ToDictionary(q => q.Id, q => q.Answer, StringComparer.Ordinal);
                long Count(string metric) => v.Counts.GetValueOrDefault(metric);
                long Chosen(string kind, string item, string value) => Count(Metrics.Answer(kind, item, value));
                long[] Ratings(string kind, string item) => [.. Enumerable.Range(1, 5).Select(r => Chosen(kind, item, r.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
                var answers = v.Counts.Select(c => (Answer: Metrics.ParseAnswer(c.Key), c.Value)).Where(c => c.Answer is not null).Select(c => (c.Answer!.Value, Count: c.Value)).ToList();
                // Each set of knowledge answers that answers every question, scored against the version shown.
                var scores = v.Counts.Select(c => (Set: Metrics.ParseKnowledgeSet(c.Key), c.Value)).Where(c => c.Set is { } set && set.Count == questions)
                    .GroupBy(c => c.Set!.Count(a => key.GetValueOrDefault(a.Item) == a.Value)).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
                return new VersionOutcomes
                {
                    Language = v.Language, Version = v.Version, Shown = shown[v.Version], Sent = Count(Metrics.Sent), Opened = Count(Metrics.Opened), Finished = Count(Metrics.Finished),
                    Readers = Count(Metrics.Readers), ReadingSeconds = Count(Metrics.Seconds), Questions = questions,
                    Scores = scores.Where(s => s.Value != 0).ToDictionary(),
                    ByQuestion = [.. check.Select(q =>
                    {
                        var asked = answers.Where(a => a.Value.Kind == AnswerKinds.Knowledge && a.Value.Item == q.Id).ToList();
                        return new QuestionOutcome(q.Id, asked.Sum(a => a.Count), asked.Where(a => a.Value.Value != q.Answer).Sum(a => a.Count));
                    })],
                    SureComplete = Count(Metrics.SureComplete), SureAnyNo = Count(Metrics.SureAnyNo),
                    Satisfaction = Ratings(AnswerKinds.Satisfaction, AnswerKinds.Single),
                    Decisions = v.Counts.Select(c => (Choice: Metrics.ParseDecision(c.Key), c.Value)).Where(c => c.Choice is not null).ToDictionary(c => c.Choice!, c => c.Value),
                    Sealed = Count(Metrics.Sealed),
                    Survey = [.. Core.Surveys.VisitSurvey.Items.Select(item => new SurveyOutcome(item,
                        Ratings(AnswerKinds.Survey, item.Id), Chosen(AnswerKinds.Survey, item.Id, Core.Surveys.VisitSurvey.Skipped)))],
                };
            })];
    }

    /// <summary>Every number as JSON, dictionaries in key order (groups come back from a database in any order): equal text, equal outcomes.</summary>
    public static string Canonical(IEnumerable<VersionOutcomes> outcomes) => System.Text.Json.JsonSerializer.Serialize(outcomes.Select(v => v with
    {
        Scores = new SortedDictionary<int, long>(v.Scores.ToDictionary()),
        Decisions = new SortedDictionary<string, long>(v.Decisions.ToDictionary(), StringComparer.Ordinal),
    }));

    /// <summary>The same numbers from every packet and answer in the database (grouped queries; their cost grows with the packets).</summary>
    /// <param name="archive">Where older versions come from; null on a database without them yet (not brought up to
    /// date by the site), where every version is scored with <paramref name="aid"/>.</param>
    public static async Task<IReadOnlyList<VersionOutcomes>> FromRecordsAsync(DecisionAidDb db, OutcomesFilter filter, Aid aid, AidArchive? archive, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(aid);
        var (start, end) = (filter.Start, filter.End);
        var packets = db.Packets.AsNoTracking().Where(p => p.PracticeId == filter.PracticeId && p.AidId == filter.AidId && p.CreatedAt >= start && p.CreatedAt < end);
        var answers = db.PacketAnswers.AsNoTracking();

        var funnel = await packets
            .GroupBy(p => new { p.Language, p.ContentVersion })
            .Select(g => new
            {
                g.Key.Language, g.Key.ContentVersion, Sent = g.LongCount(), Opened = g.LongCount(p => p.OpenedAt != null), Finished = g.LongCount(p => p.FinishedAt != null),
                Readers = g.LongCount(p => p.ReadingSeconds > 0), Seconds = g.Sum(p => (long)p.ReadingSeconds),
            })
            .ToListAsync(cancel);
        var shown = archive is null
            ? funnel.Select(f => f.ContentVersion).Distinct(StringComparer.Ordinal).ToDictionary(v => v, _ => aid, StringComparer.Ordinal)
            : await archive.ByVersionAsync(db, aid, funnel.Select(f => f.ContentVersion), cancel);
        // Each version's right answers, as version|question|answer.
        var right = shown.SelectMany(v => v.Value.KnowledgeCheck.Select(q => $"{v.Key}|{q.Id}|{q.Answer}")).ToList();

        // Every knowledge, satisfaction and survey answer, counted by what was chosen.
        var choices = await (
                from a in answers
                join p in packets on a.PacketId equals p.Id
                where a.Kind == AnswerKinds.Knowledge || a.Kind == AnswerKinds.Satisfaction || a.Kind == AnswerKinds.Survey
                group a by new { p.Language, p.ContentVersion, a.Kind, a.ItemId, a.Value } into g
                select new { g.Key.Language, g.Key.ContentVersion, g.Key.Kind, g.Key.ItemId, g.Key.Value, Count = g.LongCount() })
            .ToListAsync(cancel);

        // Scores of the patients who answered every question (of their version, which the page keeps).
        var scores = await (
                from a in answers
                join p in packets on a.PacketId equals p.Id
                where a.Kind == AnswerKinds.Knowledge
                group new { a.ItemId, a.Value, p.ContentVersion } by new { a.PacketId, p.Language, p.ContentVersion } into g
                select new { g.Key.Language, g.Key.ContentVersion, Answered = g.Count(), Right = g.Count(x => right.Contains(x.ContentVersion + "|" + x.ItemId + "|" + x.Value)) })
            .GroupBy(x => new { x.Language, x.ContentVersion, x.Answered, x.Right })
            .Select(g => new { g.Key.Language, g.Key.ContentVersion, g.Key.Answered, g.Key.Right, Count = g.LongCount() })
            .ToListAsync(cancel);

        var sure = await (
                from a in answers
                join p in packets on a.PacketId equals p.Id
                where a.Kind == AnswerKinds.Sure
                group a by new { a.PacketId, p.Language, p.ContentVersion } into g
                select new { g.Key.Language, g.Key.ContentVersion, Answered = g.Count(), No = g.Count(x => x.Value == "no") })
            .Where(x => x.Answered == AnswerKinds.SureItems.Length)
            .GroupBy(x => new { x.Language, x.ContentVersion })
            .Select(g => new { g.Key.Language, g.Key.ContentVersion, Complete = g.LongCount(), AnyNo = g.LongCount(x => x.No > 0) })
            .ToListAsync(cancel);

        var decisions = await (
                from d in db.ConsentDecisions.AsNoTracking()
                join p in packets on d.PacketId equals p.Id
                where d.At == db.ConsentDecisions.Where(n => n.PacketId == d.PacketId).Max(n => n.At)
                group d by new { p.Language, p.ContentVersion, d.Choice } into g
                select new { g.Key.Language, g.Key.ContentVersion, g.Key.Choice, Count = g.LongCount() })
            .ToListAsync(cancel);

        var sealedRecords = await (
                from r in db.ConsentRecords.AsNoTracking()
                join p in packets on r.PacketId equals p.Id
                where r.Kind == ConsentRecord.Consent
                group r by new { p.Language, p.ContentVersion } into g
                select new { g.Key.Language, g.Key.ContentVersion, Count = g.LongCount() })
            .ToListAsync(cancel);

        return [.. funnel
            .OrderBy(f => f.Language, StringComparer.Ordinal).ThenBy(f => Versions.SortKey(f.ContentVersion))
            .Select(f =>
            {
                bool Same(string language, string version) => language == f.Language && version == f.ContentVersion;
                var mine = choices.Where(c => Same(c.Language, c.ContentVersion)).ToList();
                long Chosen(string kind, string item, string value) => mine.Where(c => c.Kind == kind && c.ItemId == item && c.Value == value).Sum(c => c.Count);
                // How many chose each rating, 1 to 5.
                long[] Ratings(string kind, string item) => [.. Enumerable.Range(1, 5).Select(r => Chosen(kind, item, r.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
                var check = shown[f.ContentVersion].KnowledgeCheck;
                return new VersionOutcomes
                {
                    Language = f.Language, Version = f.ContentVersion, Shown = shown[f.ContentVersion], Sent = f.Sent, Opened = f.Opened, Finished = f.Finished,
                    Readers = f.Readers, ReadingSeconds = f.Seconds, Questions = check.Count,
                    Scores = scores.Where(s => Same(s.Language, s.ContentVersion) && s.Answered == check.Count).ToDictionary(s => s.Right, s => s.Count),
                    ByQuestion = [.. check.Select(q =>
                    {
                        var asked = mine.Where(c => c.Kind == AnswerKinds.Knowledge && c.ItemId == q.Id).ToList();
                        return new QuestionOutcome(q.Id, asked.Sum(c => c.Count), asked.Where(c => c.Value != q.Answer).Sum(c => c.Count));
                    })],
                    SureComplete = sure.FirstOrDefault(s => Same(s.Language, s.ContentVersion))?.Complete ?? 0,
                    SureAnyNo = sure.FirstOrDefault(s => Same(s.Language, s.ContentVersion))?.AnyNo ?? 0,
                    Satisfaction = Ratings(AnswerKinds.Satisfaction, AnswerKinds.Single),
                    Decisions = decisions.Where(d => Same(d.Language, d.ContentVersion)).ToDictionary(d => d.Choice, d => d.Count),
                    Sealed = sealedRecords.FirstOrDefault(s => Same(s.Language, s.ContentVersion))?.Count ?? 0,
                    Survey = [.. Core.Surveys.VisitSurvey.Items.Select(item => new SurveyOutcome(item,
                        Ratings(AnswerKinds.Survey, item.Id), Chosen(AnswerKinds.Survey, item.Id, Core.Surveys.VisitSurvey.Skipped)))],
                };
            })];
    }
}

/// <summary>Content versions in order: 1.10.0 after 1.9.0.</summary>
public static class Versions
{
    public static string SortKey(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return string.Join('.', version.Split('.').Select(part => int.TryParse(part, out var n) ? n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) : part));
    }
}
