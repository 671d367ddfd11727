namespace DecisionAid.Web.Library;

/// <summary>
/// The site's public address, for links that leave the site (patients' links, FHIR fullUrls and attachments).
/// Site:PublicBaseUrl (e.g. https://aids.example.org) wins over the request's own scheme and host, so a proxy in
/// front or a forged Host header cannot change where they point.
/// </summary>
public static class PublicAddress
{
    public static string Of(IConfiguration config, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(request);
        return config["Site:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
    }
}
