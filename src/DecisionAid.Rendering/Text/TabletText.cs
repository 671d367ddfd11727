namespace DecisionAid.Rendering.Text;

/// <summary>The words of the waiting-room tablet a patient sees, per language (the staff's unlock page is in English, as clinic pages are).</summary>
public sealed record TabletText
{
    public required string BarLabel { get; init; }
    public required string Finished { get; init; }
    public required string Staff { get; init; }
    public required string Welcome { get; init; }
    public required string WelcomeText { get; init; }
    public required string NoSigningHere { get; init; }

    public static TabletText For(string language) => SiteTexts.For(language).Tablet;

    /// <summary>The clinic's pages speak English.</summary>
    public static TabletText English => For("en");
}
