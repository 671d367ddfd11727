namespace DecisionAid.Rendering.Text;

/// <summary>The headings of the aftercare part, per language; the items' words are in the aids' files.</summary>
public sealed record AftercareText
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string Expect { get; init; }
    public required string Do { get; init; }
    public required string CallClinic { get; init; }
    /// <summary>{0}: the daytime number; {1}: the after-hours number.</summary>
    [Placeholders("phone", "after_hours")]
    public required string CallClinicNumbers { get; init; }
    [Placeholders("phone")]
    public required string CallClinicNumber { get; init; }
    public required string Emergency { get; init; }
    public required string Link { get; init; }
    /// <summary>Said when the practice has not written its own bathing rule.</summary>
    public required string AskAboutBathing { get; init; }
    /// <summary>Marks the practice's own rule.</summary>
    public required string ClinicRule { get; init; }
    public required string Pdf { get; init; }

    public static AftercareText For(string language) => SiteTexts.For(language).Aftercare;

    /// <summary>The clinic's pages speak English.</summary>
    public static AftercareText English => For("en");

    /// <summary>"Call the clinic ... if:" with the practice's numbers when they are known.</summary>
    public string CallHeading(string? phone, string? phoneAfterHours) => (phone, phoneAfterHours) switch
    {
        ({ } day, { } night) => string.Format(System.Globalization.CultureInfo.InvariantCulture, CallClinicNumbers, day, night),
        ({ } day, null) => string.Format(System.Globalization.CultureInfo.InvariantCulture, CallClinicNumber, day),
        _ => CallClinic,
    };

    /// <summary>The practice's bathing rule, or the question to ask it when it has written none.</summary>
    public string Bathing(string? clinicRule) => string.IsNullOrWhiteSpace(clinicRule) ? AskAboutBathing : clinicRule.Trim();

    /// <summary>What an item is for when the page shows every item: "Only for: Celiac plexus."; null for an item for everyone.</summary>
    public static string? OnlyFor(Core.Content.AftercareItem item, Core.Content.AidText text)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(text);
        if (item.Targets.Count == 0 && item.Methods.Count == 0) return null;
        var names = item.Targets.Select(t => text.Targets[t].Name.Value).Concat(item.Methods.Select(m => text.Methods[m].Name.Value));
        return UiText.For(text.Language).Format(UiText.For(text.Language).OnlyWhenTreating, string.Join(", ", names));
    }
}
