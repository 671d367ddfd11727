using System.Text.RegularExpressions;
using DecisionAid.Web.Tests.Consent;

namespace DecisionAid.Web.Tests.Fhir;

/// <summary>A sealed consent's FHIR Bundle, for every aid and language, held to an approved file.</summary>
public sealed partial class ApprovedFhirTests
{
    [Theory]
    [InlineData("neurolysis", "en")]
    [InlineData("neurolysis", "es")]
    [InlineData("nerve-block", "en")]
    [InlineData("nerve-block", "es")]
    public async Task A_consents_fhir_bundle_is_as_approved(string aid, string language)
    {
        using var s = await ConsentScenario.StartAsync(Storage.Sqlite, language, aid);
        var recordId = await s.SignAndCountersignAsync();
        var json = await (await s.Clinician.GetAsync($"/clinic/consents/{recordId}/fhir")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        FhirValidation.AssertValid(json);
        Approved.Verify($"fhir-consent.{aid}.{language}", Stable(json));
    }

    /// <summary>What differs from run to run (ids and hashes named in order of appearance; times, drawings and file hashes by kind).</summary>
    private static string Stable(string json)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Name(string kind, string value)
        {
            if (!names.TryGetValue(value, out var name)) names[value] = name = $"<{kind}-{names.Count(n => n.Value.StartsWith($"<{kind}-", StringComparison.Ordinal)) + 1}>";
            return name;
        }
        json = Guids().Replace(json, m => Name("id", m.Value));
        json = TestEmails().Replace(json, m => Name("email", m.Value)); // each test clinician's address is unique
        json = Sha256().Replace(json, m => Name("sha256", m.Value));
        // Times and drawn data are not numbered: two steps may fall in the same second.
        json = Times().Replace(json, "<time>");
        json = FileSize().Replace(json, "\"size\": \"<size>\""); // the PDF's compressed size moves with the ids and times in it
        json = Base64Data().Replace(json, m => $"\"{m.Groups[1].Value}\": \"<{m.Groups[1].Value}>\"");
        return json;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guids();

    [GeneratedRegex("\\b[0-9a-f]{64}\\b")]
    private static partial Regex Sha256();

    [GeneratedRegex("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})")]
    private static partial Regex Times();

    [GeneratedRegex("dr\\.[0-9a-f]{32}@example\\.org")]
    private static partial Regex TestEmails();

    [GeneratedRegex("\"size\": \\d+")]
    private static partial Regex FileSize();

    [GeneratedRegex("\"(data|hash)\": \"([A-Za-z0-9+/=]{16,})\"")]
    private static partial Regex Base64Data();
}
