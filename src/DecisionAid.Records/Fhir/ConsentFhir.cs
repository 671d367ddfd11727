using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DecisionAid.Core.Consent;
using DecisionAid.Records.Consent;
using DecisionAid.Records.Data;
using DecisionAid.Records.Library;
using DecisionAid.Records.Packets;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Records.Fhir;

/// <summary>
/// A sealed record as HL7 FHIR R4: a Consent (pointing to the PDF with its SHA-1, as R4's Attachment.hash asks, and
/// naming the record's SHA-256), the knowledge check as a QuestionnaireResponse, and a Provenance with both
/// signatures, with the Patient, Organization and Practitioner they refer to. Built from the sealed document only.
/// </summary>
public sealed class ConsentFhir(DecisionAidDb db, AidArchive archive)
{
    public const string SealedHashSystem = "https://decisionaid.example/fhir/sealed-record-sha256";
    public const string RecordNumberSystem = "https://decisionaid.example/fhir/record-number";
    /// <summary>Names the withdrawal that ended a consent (R4's Consent has no element for it).</summary>
    public const string WithdrawnByExtension = "https://decisionaid.example/fhir/StructureDefinition/withdrawn-by";
    private const string SignatureTypes = "urn:iso-astm:E1762-95:2013";
    private const string ParticipantTypes = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    public static string Json(Resource resource) => new FhirJsonSerializer().SerializeToString(resource, pretty: true);

    /// <summary>The whole record as a collection Bundle.</summary>
    public async Task<Bundle> BundleAsync(ConsentRecord record, string baseUrl)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Id = record.Id.ToString(), Timestamp = new DateTimeOffset(DateTime.SpecifyKind(record.SealedAt, DateTimeKind.Utc)) };
        foreach (var resource in await ResourcesAsync(record, baseUrl)) bundle.Entry.Add(Entry(resource, baseUrl));
        return bundle;
    }

    /// <summary>A searchset of the given records: each Consent as a match, what it refers to as includes (once each).</summary>
    public async Task<Bundle> SearchsetAsync(IReadOnlyList<ConsentRecord> records, string baseUrl, string selfUrl)
    {
        ArgumentNullException.ThrowIfNull(records);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = records.Count, Id = Guid.NewGuid().ToString() };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = selfUrl });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var resource in await ResourcesAsync(record, baseUrl))
            {
                if (!seen.Add($"{resource.TypeName}/{resource.Id}")) continue;
                var entry = Entry(resource, baseUrl);
                entry.Search = new Bundle.SearchComponent { Mode = resource is Hl7.Fhir.Model.Consent ? Bundle.SearchEntryMode.Match : Bundle.SearchEntryMode.Include };
                bundle.Entry.Add(entry);
            }
        }
        return bundle;
    }

    public async Task<Hl7.Fhir.Model.Consent> ConsentAsync(ConsentRecord record, string baseUrl) =>
        (await ResourcesAsync(record, baseUrl)).OfType<Hl7.Fhir.Model.Consent>().Single();

    /// <summary>
    /// A consent's state now, wherever it is read: once a withdrawal supersedes it, it is inactive, its permission
    /// ends when the withdrawal was sealed, and it names the withdrawal. The sealed document itself never changes.
    /// </summary>
    private async System.Threading.Tasks.Task CurrentStateAsync(Hl7.Fhir.Model.Consent consent, ConsentRecord record)
    {
        if (record.Kind != ConsentRecord.Consent) return;
        var withdrawal = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.SupersedesId == record.Id && r.Kind == ConsentRecord.Withdrawal)
            .Select(r => new { r.Id, r.SealedAt }).FirstOrDefaultAsync();
        if (withdrawal is null) return;
        consent.Status = Hl7.Fhir.Model.Consent.ConsentState.Inactive;
        var provision = consent.Provision ??= new Hl7.Fhir.Model.Consent.provisionComponent();
        var period = provision.Period ??= new Period();
        period.EndElement = new FhirDateTime(new DateTimeOffset(DateTime.SpecifyKind(withdrawal.SealedAt, DateTimeKind.Utc)));
        consent.Extension.Add(new Extension(WithdrawnByExtension, new ResourceReference($"Consent/{withdrawal.Id}")));
    }

    private static Bundle.EntryComponent Entry(Resource resource, string baseUrl) =>
        new() { FullUrl = $"{baseUrl}/fhir/{resource.TypeName}/{resource.Id}", Resource = resource };

    private async Task<List<Resource>> ResourcesAsync(ConsentRecord record, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(record);
        var document = SealedDocument.Parse(record.Document) ?? throw new InvalidOperationException($"consent record {record.Id} holds no document");
        var practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == record.PracticeId);
        var pdf = ConsentRecordPdf.Render(record);
        var sealedAt = Instant(document.SealedAt);
        var withdrawal = document.Kind == ConsentRecord.Withdrawal;

        var patient = new Patient { Id = document.Packet.Id.ToString(), BirthDate = document.Patient.BirthDate };
        patient.Name.Add(new HumanName { Text = document.Patient.Name });
        if (document.Patient.RecordNumber is { } number) patient.Identifier.Add(new Identifier(RecordNumberSystem, number));

        var organization = new Organization { Id = practice.Id.ToString(), Name = practice.Name };
        if (practice.Phone is { } phone) organization.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, phone));

        var clinician = document.ClinicianSignature;
        Practitioner? practitioner = null;
        if (clinician is not null)
        {
            practitioner = new Practitioner { Id = clinician.ClinicianId };
            practitioner.Name.Add(new HumanName { Text = clinician.Name });
            if (clinician.Email.Length > 0) practitioner.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Work, clinician.Email));
        }

        var consent = new Hl7.Fhir.Model.Consent
        {
            Id = record.Id.ToString(),
            Status = withdrawal ? Hl7.Fhir.Model.Consent.ConsentState.Inactive : Hl7.Fhir.Model.Consent.ConsentState.Active,
            Scope = Concept("http://terminology.hl7.org/CodeSystem/consentscope", "treatment", "Treatment"),
            Patient = new ResourceReference($"Patient/{patient.Id}"),
            DateTimeElement = new FhirDateTime(sealedAt),
            PolicyRule = Concept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", "opt-in"),
            Source = new Attachment
            {
                ContentType = "application/pdf",
                Url = $"{baseUrl}/fhir/Binary/consent-{record.Id}",
                SizeUnsignedInt = pdf.Length,
#pragma warning disable CA5350 // R4 defines Attachment.hash as SHA-1 (not for security); the record's SHA-256 is in the identifier
                Hash = SHA1.HashData(pdf),
#pragma warning restore CA5350
                Title = $"{document.Packet.AidTitle}: {(withdrawal ? "withdrawal of consent" : "consent")}",
                CreationElement = new FhirDateTime(sealedAt),
            },
            Provision = new Hl7.Fhir.Model.Consent.provisionComponent
            {
                Type = Hl7.Fhir.Model.Consent.ConsentProvisionType.Permit,
                Period = withdrawal
                    ? new Period { EndElement = new FhirDateTime(sealedAt) }
                    : new Period { StartElement = new FhirDateTime(sealedAt) },
            },
        };
        consent.Identifier.Add(new Identifier("urn:ietf:rfc:3986", $"urn:uuid:{record.Id}"));
        consent.Identifier.Add(new Identifier(SealedHashSystem, record.DocumentHash));
        consent.Category.Add(Concept("http://loinc.org", "59284-0", "Patient Consent"));
        consent.Performer.Add(new ResourceReference($"Patient/{patient.Id}"));
        if (practitioner is not null && !withdrawal) consent.Performer.Add(new ResourceReference($"Practitioner/{practitioner.Id}"));
        consent.Organization.Add(new ResourceReference($"Organization/{organization.Id}"));
        consent.Provision.Code.Add(new CodeableConcept { Text = Procedure(document) });
        await CurrentStateAsync(consent, record);

        // The questions' words come from the version the patient read.
        var response = KnowledgeCheck(document, await db.Packets.AsNoTracking().SingleOrDefaultAsync(p => p.Id == record.PacketId) is { } packet ? await archive.ForPacketAsync(db, packet) : null, patient, baseUrl, record);

        var provenance = new Provenance { Id = $"{record.Id}-provenance", Recorded = sealedAt };
        provenance.Target.Add(new ResourceReference($"Consent/{consent.Id}"));
        if (!withdrawal || clinician is null)
        {
            provenance.Agent.Add(new Provenance.AgentComponent { Type = Concept(ParticipantTypes, "author", "Author"), Who = new ResourceReference($"Patient/{patient.Id}") });
            var signature = new Signature { When = Instant(document.PatientSignature.At), Who = new ResourceReference($"Patient/{patient.Id}") };
            signature.Type.Add(new Coding(SignatureTypes, "1.2.840.10065.1.12.1.7", "Consent Signature"));
            if (document.PatientSignature.SignatureSvg is { } svg)
            {
                signature.SigFormat = "image/svg+xml";
                signature.Data = Encoding.UTF8.GetBytes(svg);
            }
            provenance.Signature.Add(signature);
        }
        if (practitioner is not null)
        {
            provenance.Agent.Add(new Provenance.AgentComponent
            {
                Type = Concept(ParticipantTypes, withdrawal ? "informant" : "verifier", withdrawal ? "Informant" : "Verifier"),
                Who = new ResourceReference($"Practitioner/{practitioner.Id}"),
                OnBehalfOf = new ResourceReference($"Organization/{organization.Id}"),
            });
            var countersignature = new Signature { When = Instant(clinician!.At), Who = new ResourceReference($"Practitioner/{practitioner.Id}") };
            countersignature.Type.Add(new Coding(SignatureTypes, "1.2.840.10065.1.12.1.5", "Verification Signature"));
            provenance.Signature.Add(countersignature);
        }

        List<Resource> resources = [consent, patient, organization];
        if (practitioner is not null) resources.Add(practitioner);
        if (response is not null) resources.Add(response);
        resources.Add(provenance);
        return resources;
    }

    /// <summary>The knowledge-check answers as sealed, with the questions and choices in the packet's language.</summary>
    private static QuestionnaireResponse? KnowledgeCheck(SealedDocument document, DecisionAid.Core.Content.Aid? aid, Patient patient, string baseUrl, ConsentRecord record)
    {
        var answers = document.Answers.Where(a => a.Kind == AnswerKinds.Knowledge).ToList();
        if (answers.Count == 0) return null;
        var words = aid?.Texts.GetValueOrDefault(document.Packet.Language);
        var response = new QuestionnaireResponse
        {
            Id = $"{record.Id}-knowledge",
            Questionnaire = $"{baseUrl}/fhir/Questionnaire/{document.Packet.Aid}-knowledge|{document.Packet.ContentVersion}",
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference($"Patient/{patient.Id}"),
            AuthoredElement = new FhirDateTime(Instant(document.PatientSignature.At)),
        };
        foreach (var answer in answers)
        {
            var question = words?.KnowledgeCheck.GetValueOrDefault(answer.Item);
            var item = new QuestionnaireResponse.ItemComponent { LinkId = answer.Item, Text = question?.Question.Value };
            item.Answer.Add(new QuestionnaireResponse.AnswerComponent
            {
                Value = new Coding($"{baseUrl}/fhir/CodeSystem/{document.Packet.Aid}-knowledge", answer.Value, question?.Choices.GetValueOrDefault(answer.Value)?.Value),
            });
            response.Item.Add(item);
        }
        return response;
    }

    private static string Procedure(SealedDocument document) =>
        string.Join(", ", new[] { document.Packet.AidTitle, document.Packet.Target, document.Packet.Method }.Where(x => x is not null));

    private static CodeableConcept Concept(string system, string code, string display) => new() { Coding = [new Coding(system, code, display)] };

    private static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
