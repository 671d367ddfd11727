using DecisionAid.Core.Consent;
using DecisionAid.Records.Data;
using DecisionAid.Rendering.Pdf;

namespace DecisionAid.Records.Consent;

/// <summary>A sealed record's PDF, made from its sealed document only, so the same record always gives the same bytes.</summary>
public static class ConsentRecordPdf
{
    /// <param name="forPatient">The patient's readable copy instead of the clinic's full one (see <see cref="ConsentPdf.Render"/>).</param>
    public static byte[] Render(ConsentRecord record, bool forPatient = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        var document = SealedDocument.Parse(record.Document) ?? throw new InvalidOperationException($"consent record {record.Id} holds no document");
        return ConsentPdf.Render(document, record.DocumentHash, forPatient);
    }
}
