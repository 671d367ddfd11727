
namespace DecisionAid.Web.Practices;

/// <summary>What the layout shows of a practice: name, logo, phones and accent colour.</summary>
public sealed record Brand(string Name, string Slug, string? Phone, string? PhoneAfterHours, string? Address, bool HasLogo, string StylesheetUrl, string Version)
{
    public static Brand Of(Practice practice)
    {
        ArgumentNullException.ThrowIfNull(practice);
        // Changes with anything the page shows of the brand, so ETags and caches move on when it is edited.
        var shown = string.Join('\n', practice.Name, practice.Phone, practice.PhoneAfterHours, practice.Address, practice.AccentColour,
            practice.Logo is null ? "" : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(practice.Logo)));
        var version = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(shown)))[..12];
        return new Brand(practice.Name, practice.Slug, practice.Phone, practice.PhoneAfterHours, practice.Address, practice.Logo is not null,
            BrandAssets.StylesheetUrl(practice), version);
    }
}
