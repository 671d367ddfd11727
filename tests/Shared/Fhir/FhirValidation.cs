using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace DecisionAid.Testing;

/// <summary>
/// Validates FHIR JSON against the R4 specification, offline (specification.zip from Hl7.Fhir.Specification.Data.R4,
/// local terminology). One validator for the whole run: the first validation takes seconds. The validator is not
/// thread-safe, so calls take turns.
/// </summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        var terminology = LocalTerminologyService.CreateDefaultForCore(resolver, new ValueSetExpanderSettings { ValueSetSource = resolver });
        return new Validator(resolver, terminology);
    });
    private static readonly Lock Turn = new();

    /// <summary>Parses the JSON (strictly) and returns every error the validator finds, as readable lines; none means valid.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        var resource = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Resource>(json);
        lock (Turn)
        {
            var outcome = Shared.Value.Validate(resource);
            return [.. outcome.Issue
                .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
                .Select(i => $"{i.Severity} {i.Code}: {i.Details?.Text} at {string.Join(", ", i.Expression)}")];
        }
    }

    public static void AssertValid(string json)
    {
        var errors = Errors(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
