using DecisionAid.Web.Data;

namespace DecisionAid.Web.Practices;

/// <summary>What the layout shows of a practice: name, logo, phones and accent colour.</summary>
public sealed record Brand(string Name, string Slug, string? Phone, string? PhoneAfterHours, string? Address, bool HasLogo, string StylesheetUrl)
{
    public static Brand Of(Practice practice)
    {
        ArgumentNullException.ThrowIfNull(practice);
        return new Brand(practice.Name, practice.Slug, practice.Phone, practice.PhoneAfterHours, practice.Address, practice.Logo is not null,
            BrandAssets.StylesheetUrl(practice));
    }
}
