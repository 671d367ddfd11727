using System.Globalization;
using System.Text;
using DecisionAid.Core.Content;
using DecisionAid.Web.Clinic;
using DecisionAid.Web.Consent;
using DecisionAid.Web.Library;
using DecisionAid.Web.Packets;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Outcomes;

/// <summary>
/// The outcomes data for research, one packet at a time, streamed as it is read (rows are never gathered in memory):
/// a CSV and an FHIR R4 Bundle of QuestionnaireResponses (the packet's answers, and the post-visit survey's). No names, dates of birth, record numbers or free text
/// (patients' own questions may name people); each packet has a stable pseudonymous id (a keyed hash of its id).
/// Practice leads only; anyone else gets 404.
/// </summary>
public static class OutcomesExports
{
    /// <summary>One packet with one of its answers (or none), in packet order.</summary>
    private sealed record Row(
        Guid Id, string Language, string Version, string? Target, string? Method, string HealthFactors, DateTime Created, DateTime? Opened,
        DateTime? Finished, int ReadingSeconds, string? Consent, string? Kind, string? Item, string? Value, DateTime? Answered);

    private sealed record PacketRows(Row First, List<Row> Answers)
    {
        public string? Answer(string kind, string item) => Answers.FirstOrDefault(a => a.Kind == kind && a.Item == item)?.Value;
    }

    public static WebApplication MapOutcomesExports(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/clinic/outcomes/packets.csv", (HttpContext context, string? aid, string? from, string? to) => ExportAsync(context, aid, from, to, Csv))
            .RequireAuthorization(ClinicPolicies.Lead);
        app.MapGet("/clinic/outcomes/responses.fhir.json", (HttpContext context, string? aid, string? from, string? to) => ExportAsync(context, aid, from, to, Fhir))
            .RequireAuthorization(ClinicPolicies.Lead);
        return app;
    }

    /// <summary>A packet's stable pseudonym: the first 16 hex digits of an HMAC of its id under the seal key (outside the database).</summary>
    public static string Pseudonym(SealKey key, Guid packetId)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Hmac($"outcomes-pseudonym:{packetId}")[..16];
    }

    /// <param name="shown">Each content version's aid, to score a packet's answers with its own version's key.</param>
    private delegate Task Writer(HttpContext context, Aid aid, IReadOnlyDictionary<string, Aid> shown, SealKey key, IAsyncEnumerable<PacketRows> packets);

    private static async Task<IResult> ExportAsync(HttpContext context, string? aidId, string? from, string? to, Writer write)
    {
        var services = context.RequestServices;
        var clinician = ClinicPolicies.Current(context);
        var library = services.GetRequiredService<AidLibrary>();
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var (aid, filter, problem) = IndexModel.Parse(library, clinician.PracticeId, aidId, from, to, today);
        if (problem is not null) return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        var db = services.GetRequiredService<DecisionAidDb>();
        await services.GetRequiredService<AuditTrail>().SaveAsync(new DecisionAid.Records.Audit.AuditEvent(AuditActions.OutcomesExported, AuditActions.Clinician(clinician), clinician.PracticeId,
            Detail: $"{context.Request.Path.Value} for {aid.Id}, {from ?? "start"} to {to ?? "today"}"));
        context.Response.Headers.CacheControl = "no-store";
        var (start, end) = (filter.Start, filter.End);
        var versions = await db.Packets.AsNoTracking().Where(p => p.PracticeId == filter.PracticeId && p.AidId == filter.AidId && p.CreatedAt >= start && p.CreatedAt < end)
            .Select(p => p.ContentVersion).Distinct().ToListAsync(context.RequestAborted);
        var shown = await services.GetRequiredService<AidArchive>().ByVersionAsync(db, aid, versions, context.RequestAborted);
        await write(context, aid, shown, services.GetRequiredService<SealKey>(), Packets(db, filter, context.RequestAborted));
        return Results.Empty;
    }

    /// <summary>Streams the packets with their answers, grouped as they come (the query orders by packet).</summary>
    private static async IAsyncEnumerable<PacketRows> Packets(DecisionAidDb db, OutcomesFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var (start, end) = (filter.Start, filter.End);
        var rows =
            from p in db.Packets.AsNoTracking()
            where p.PracticeId == filter.PracticeId && p.AidId == filter.AidId && p.CreatedAt >= start && p.CreatedAt < end
            join a in db.PacketAnswers.AsNoTracking().Where(a => a.Kind != AnswerKinds.Questions) on p.Id equals a.PacketId into answers
            from a in answers.DefaultIfEmpty()
            orderby p.Id
            select new Row(p.Id, p.Language, p.ContentVersion, p.Target, p.Method, p.HealthFactors, p.CreatedAt, p.OpenedAt, p.FinishedAt, p.ReadingSeconds,
                db.ConsentDecisions.Where(d => d.PacketId == p.Id).OrderByDescending(d => d.At).Select(d => d.Choice).FirstOrDefault(),
                a == null ? null : a.Kind, a == null ? null : a.ItemId, a == null ? null : a.Value, a == null ? null : a.UpdatedAt);
        PacketRows? current = null;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancel))
        {
            if (current is not null && current.First.Id != row.Id)
            {
                yield return current;
                current = null;
            }
            current ??= new PacketRows(row, []);
            if (row.Kind is not null) current.Answers.Add(row);
        }
        if (current is not null) yield return current;
    }

    private static async Task Csv(HttpContext context, Aid aid, IReadOnlyDictionary<string, Aid> shown, SealKey key, IAsyncEnumerable<PacketRows> packets)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{aid.Id}-outcomes.csv\"";
        // A cell that begins with =, +, -, @, tab or return is escaped, so a spreadsheet never runs it as a formula.
        await using var csv = CsvHelper.CsvWriter.Create(context.Response.Body, new CsvHelper.CsvWriterOptions { Injection = CsvHelper.CsvInjection.Escape, NewLine = "\n" }, leaveOpen: true);
        var header = new List<string> { "pseudonym", "aid", "language", "version", "target", "method", "health_factors", "created", "opened", "finished", "reading_seconds", "knowledge_answered", "knowledge_right" };
        // A column for every question any version in the export asked (the current version's first).
        var questions = aid.KnowledgeCheck.Concat(shown.Values.SelectMany(a => a.KnowledgeCheck)).Select(q => q.Id).Distinct(StringComparer.Ordinal).ToList();
        header.AddRange(questions.Select(id => $"knowledge_{id}"));
        header.AddRange(AnswerKinds.SureItems.Select(i => $"sure_{i}"));
        header.AddRange(["sure_any_no", "satisfaction"]);
        header.AddRange(aid.Values.Select(v => $"value_{v.Id}"));
        header.Add("consent");
        header.AddRange(Core.Surveys.VisitSurvey.Items.Select(i => $"survey_{i.Id}"));
        await WriteRecordAsync(csv, header);
        var count = 0;
        await foreach (var packet in packets)
        {
            var p = packet.First;
            var knowledge = questions.Select(id => packet.Answer(AnswerKinds.Knowledge, id)).ToList();
            // Answered and right of the questions the patient's version asked, scored with its key.
            var asked = shown.GetValueOrDefault(p.Version, aid).KnowledgeCheck.Select(q => (q, Answer: packet.Answer(AnswerKinds.Knowledge, q.Id))).ToList();
            var sure = AnswerKinds.SureItems.Select(i => packet.Answer(AnswerKinds.Sure, i)).ToList();
            var fields = new List<string?>
            {
                Pseudonym(key, p.Id), aid.Id, p.Language, p.Version, p.Target, p.Method, p.HealthFactors, Day(p.Created), Day(p.Opened), Day(p.Finished),
                p.ReadingSeconds.ToString(CultureInfo.InvariantCulture), asked.Count(a => a.Answer is not null).ToString(CultureInfo.InvariantCulture),
                asked.Count(a => a.Answer == a.q.Answer).ToString(CultureInfo.InvariantCulture),
            };
            fields.AddRange(knowledge);
            fields.AddRange(sure);
            fields.Add(sure.All(s => s is not null) ? (sure.Contains("no") ? "yes" : "no") : null);
            fields.Add(packet.Answer(AnswerKinds.Satisfaction, AnswerKinds.Single));
            fields.AddRange(aid.Values.Select(v => packet.Answer(AnswerKinds.Value, v.Id)));
            fields.Add(p.Consent);
            fields.AddRange(Core.Surveys.VisitSurvey.Items.Select(i => packet.Answer(AnswerKinds.Survey, i.Id)));
            await WriteRecordAsync(csv, fields);
            if (++count % 2000 == 0) await csv.FlushAsync(context.RequestAborted);
        }
    }

    private static async Task Fhir(HttpContext context, Aid aid, IReadOnlyDictionary<string, Aid> shown, SealKey key, IAsyncEnumerable<PacketRows> packets)
    {
        context.Response.ContentType = "application/fhir+json; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{aid.Id}-responses.fhir.json\"";
        var baseUrl = DecisionAid.Web.Fhir.FhirApi.BaseUrl(context);
        var serializer = new FhirJsonSerializer();
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), bufferSize: 1 << 16);
        await writer.WriteAsync($"{{\"resourceType\":\"Bundle\",\"id\":\"{Guid.NewGuid()}\",\"type\":\"collection\",\"timestamp\":\"{DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}\",\"entry\":[");
        var count = 0;
        await foreach (var packet in packets)
        {
            foreach (var response in new[] { Response(packet, aid, key, baseUrl), SurveyResponse(packet, key, baseUrl) }.OfType<QuestionnaireResponse>())
            {
                await writer.WriteAsync(count == 0 ? "" : ",");
                await writer.WriteAsync($"{{\"fullUrl\":\"urn:uuid:{Guid.NewGuid()}\",\"resource\":{serializer.SerializeToString(response)}}}");
                if (++count % 2000 == 0) await writer.FlushAsync();
            }
        }
        await writer.WriteAsync("]}");
    }

    /// <summary>One packet's answers as a QuestionnaireResponse, with no subject: the pseudonym is its identifier.</summary>
    private static QuestionnaireResponse Response(PacketRows packet, Aid aid, SealKey key, string baseUrl)
    {
        var p = packet.First;
        var response = new QuestionnaireResponse
        {
            Id = Pseudonym(key, p.Id),
            Identifier = new Identifier($"{baseUrl}/fhir/outcomes-pseudonym", Pseudonym(key, p.Id)),
            Questionnaire = $"{baseUrl}/fhir/Questionnaire/{aid.Id}-packet|{p.Version}",
            Status = p.Finished is null ? QuestionnaireResponse.QuestionnaireResponseStatus.InProgress : QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
        };
        var answers = packet.Answers.Where(a => a.Kind != AnswerKinds.Survey).ToList();
        if (answers.Count > 0) response.AuthoredElement = Authored(answers);
        foreach (var answer in answers.OrderBy(a => a.Kind, StringComparer.Ordinal).ThenBy(a => a.Item, StringComparer.Ordinal))
        {
            DataType value = answer.Kind switch
            {
                AnswerKinds.Knowledge => new Coding($"{baseUrl}/fhir/CodeSystem/{aid.Id}-knowledge", answer.Value),
                AnswerKinds.Sure => new FhirBoolean(answer.Value == "yes"),
                _ => new Integer(int.TryParse(answer.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null),
            };
            var item = new QuestionnaireResponse.ItemComponent { LinkId = $"{answer.Kind}.{answer.Item}" };
            item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = value });
            response.Item.Add(item);
        }
        return response;
    }

    /// <summary>
    /// The post-visit survey as its own QuestionnaireResponse (null when the patient has not started it): each rating
    /// as an integer 1 to 5; a skipped item is left out, as FHIR leaves out what was not answered (the CSV says "skipped").
    /// </summary>
    private static QuestionnaireResponse? SurveyResponse(PacketRows packet, SealKey key, string baseUrl)
    {
        var answers = packet.Answers.Where(a => a.Kind == AnswerKinds.Survey).ToList();
        if (answers.Count == 0) return null;
        var pseudonym = Pseudonym(key, packet.First.Id);
        var response = new QuestionnaireResponse
        {
            Id = $"{pseudonym}-survey",
            // Its own identifier system: the packet's response has the pseudonym under outcomes-pseudonym.
            Identifier = new Identifier($"{baseUrl}/fhir/outcomes-survey", pseudonym),
            Questionnaire = $"{baseUrl}/fhir/Questionnaire/visit-survey|{Core.Surveys.VisitSurvey.Version}",
            Status = answers.Count == Core.Surveys.VisitSurvey.Items.Count
                ? QuestionnaireResponse.QuestionnaireResponseStatus.Completed : QuestionnaireResponse.QuestionnaireResponseStatus.InProgress,
            AuthoredElement = Authored(answers),
        };
        foreach (var item in Core.Surveys.VisitSurvey.Items)
        {
            var value = answers.FirstOrDefault(a => a.Item == item.Id)?.Value;
            if (value is null or Core.Surveys.VisitSurvey.Skipped) continue;
            var answered = new QuestionnaireResponse.ItemComponent { LinkId = $"survey.{item.Id}" };
            answered.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = new Integer(int.Parse(value, CultureInfo.InvariantCulture)) });
            response.Item.Add(answered);
        }
        return response;
    }

    private static FhirDateTime Authored(List<Row> answers) =>
        new(new DateTimeOffset(DateTime.SpecifyKind(answers.Max(a => a.Answered!.Value), DateTimeKind.Utc)));

    private static string? Day(DateTime? at) => at?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ValueTask WriteRecordAsync(CsvHelper.CsvWriter csv, IEnumerable<string?> fields) => csv.WriteRecordAsync([.. fields.Select(f => f ?? "")]);
}
