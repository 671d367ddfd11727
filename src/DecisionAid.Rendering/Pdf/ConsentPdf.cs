using System.Globalization;
using DecisionAid.Core.Consent;
using DecisionAid.Rendering.Text;
using SkiaSharp;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// The human-readable copy of a sealed consent record: who signed what and when, what each signature means, the
/// statement, the drawn signature, and on every page the content version and the record's SHA-256. Made only from
/// the sealed document, with its times as the PDF's dates, so the same record always gives the same bytes.
/// </summary>
public static class ConsentPdf
{
    /// <param name="forPatient">
    /// The patient's own copy: what they agreed to, when, and who signed, in their language, with the record's code in
    /// small print at the end; no content hash, addresses or browser strings. The clinic's copy (the default, and the
    /// one in the health record) carries everything the seal covers.
    /// </param>
    public static byte[] Render(SealedDocument document, string recordHash, bool forPatient = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        var words = ConsentText.For(document.Packet.Language);
        var sealedAt = DateTime.Parse(document.SealedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var withdrawal = document.Kind == "withdrawal";
        var title = withdrawal ? words.PdfWithdrawalTitle : words.PdfTitle;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title, Creator = "DecisionAid", Producer = "DecisionAid (SkiaSharp)", Subject = $"consent record {document.RecordId} sha256 {recordHash}",
            Creation = sealedAt, Modified = sealedAt,
        };
        if (forPatient) return PatientCopy(document, recordHash, words, title, metadata, withdrawal);
        return PdfFlow.Write(metadata, page =>
            ($"{document.Practice.Name} · {title} · {document.Packet.Aid} {document.Packet.ContentVersion}",
             $"{words.RecordHash} {recordHash} · {words.Page} {page}"), flow =>
        {
            flow.Heading(title, 1);
            Field(flow, words.Practice, document.Practice.Name);
            Field(flow, words.Patient, document.Patient.Name);
            Field(flow, words.BirthDate, document.Patient.BirthDate);
            if (document.Patient.RecordNumber is { } number) Field(flow, words.RecordNumber, number);
            Field(flow, words.Aid, $"{document.Packet.AidTitle} ({document.Packet.Aid}, {document.Packet.Language}), {words.ContentVersion} {document.Packet.ContentVersion}");
            Field(flow, "SHA-256", document.ShownContentHash);
            flow.Rule();

            if (withdrawal)
            {
                flow.Paragraph(words.WithdrawalMeaning, bold: true);
                Field(flow, words.Supersedes, $"{document.Supersedes} (SHA-256 {document.SupersedesHash})");
                Field(flow, words.SignedAt, Utc(document.PatientSignature.At));
                if (document.ClinicianSignature is { } by) Field(flow, words.WithdrawnBy, $"{by.Name} <{by.Email}>");
                flow.Rule();
            }

            DocumentPdf.Sections(flow, null, [Consent.ConsentStatement.Section(document.Statement)]);

            var patient = document.PatientSignature;
            KeepSignatureTogether(flow, patient.Meaning, patient.SignatureSvg);
            flow.Heading(words.PatientSignature, 2);
            flow.Paragraph(patient.Meaning, muted: true);
            if (patient.TypedName is { } typed) Field(flow, words.TypedName, typed);
            if (patient.SignatureSvg is { } svg) flow.Svg(svg, 240, shared: false);
            Field(flow, words.SignedAt, Utc(patient.At));
            if (patient.Ip is not null) Field(flow, "IP", patient.Ip);
            if (patient.UserAgent is not null) flow.Paragraph(patient.UserAgent, 8.5f, muted: true);

            if (!withdrawal && document.ClinicianSignature is { } clinician)
            {
                KeepSignatureTogether(flow, clinician.Meaning, null);
                flow.Heading(words.ClinicianSignature, 2);
                flow.Paragraph(clinician.Meaning, muted: true);
                Field(flow, words.TypedName, $"{clinician.Name} <{clinician.Email}>");
                Field(flow, words.SignedAt, Utc(clinician.At));
                if (clinician.InterpreterName is { } interpreter)
                    Field(flow, words.Interpreter, clinician.InterpreterLanguage is { } language ? $"{interpreter} ({language})" : interpreter);
                if (clinician.Witness is { } witness) Field(flow, words.Witness, witness);
                if (clinician.Ip is not null) Field(flow, "IP", clinician.Ip);
            }

            flow.Rule();
            Field(flow, "Record", $"{document.RecordId}, {Utc(document.SealedAt)}");
            Field(flow, words.RecordHash, recordHash);
        });
    }

    private static byte[] PatientCopy(SealedDocument document, string recordHash, ConsentText words, string title, SKDocumentPdfMetadata metadata, bool withdrawal)
    {
        var ui = UiText.For(document.Packet.Language);
        return PdfFlow.Write(metadata, page => ($"{document.Practice.Name} · {title}", $"{words.Page} {page}"), flow =>
        {
            flow.Heading(title, 1);
            Field(flow, words.Practice, document.Practice.Name);
            Field(flow, words.Patient, document.Patient.Name);
            Field(flow, words.BirthDate, document.Patient.BirthDate);
            Field(flow, words.Aid, document.Packet.AidTitle);
            flow.Rule();
            if (withdrawal)
            {
                flow.Paragraph(words.WithdrawalMeaning, bold: true);
                Field(flow, words.SignedAt, When(document.PatientSignature.At, ui));
                flow.Rule();
            }
            DocumentPdf.Sections(flow, null, [Consent.ConsentStatement.Section(document.Statement)]);

            var patient = document.PatientSignature;
            KeepSignatureTogether(flow, patient.Meaning, patient.SignatureSvg);
            flow.Heading(words.PatientSignature, 2);
            flow.Paragraph(patient.Meaning, muted: true);
            if (patient.TypedName is { } typed) Field(flow, words.TypedName, typed);
            if (patient.SignatureSvg is { } svg) flow.Svg(svg, 240, shared: false);
            Field(flow, words.SignedAt, When(patient.At, ui));
            if (!withdrawal && document.ClinicianSignature is { } clinician)
            {
                KeepSignatureTogether(flow, clinician.Meaning, null);
                flow.Heading(words.ClinicianSignature, 2);
                flow.Paragraph(clinician.Meaning, muted: true);
                Field(flow, words.TypedName, clinician.Name);
                Field(flow, words.SignedAt, When(clinician.At, ui));
                if (clinician.InterpreterName is { } interpreter)
                    Field(flow, words.Interpreter, clinician.InterpreterLanguage is { } language ? $"{interpreter} ({language})" : interpreter);
                if (clinician.Witness is { } witness) Field(flow, words.Witness, witness);
            }
            // The code lets the clinic find the full record; it is small print, not something the patient must read.
            flow.Rule();
            flow.Paragraph($"{words.RecordHash}: {recordHash}", 8f, muted: true);
        });
    }

    /// <summary>A time as the patient reads it: "December 4, 2026, 14:05 UTC".</summary>
    private static string When(string iso, UiText ui)
    {
        var at = DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return $"{ui.Date(DateOnly.FromDateTime(at))}, {at.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC";
    }

    /// <summary>A signature's label never stands at the foot of a page with its meaning, name and drawing on the next.</summary>
    private static void KeepSignatureTogether(PdfFlow flow, string meaning, string? svg) =>
        flow.EnsureSpace(40 + flow.Measure(meaning, 11, bold: false, PdfFlow.ContentWidth) + 30 + (svg is null ? 0 : flow.SvgHeight(svg, 240, shared: false)) + 20);

    private static void Field(PdfFlow flow, string label, string value) => flow.Paragraph($"{label}: {value}", 10.5f);

    private static string Utc(string iso) => iso.Replace('T', ' ').Replace("Z", " UTC", StringComparison.Ordinal);
}
