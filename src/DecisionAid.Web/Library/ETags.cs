namespace DecisionAid.Web.Library;

public static class ETags
{
    /// <summary>Whether the request's If-None-Match names this strong validator (a list of them is allowed).</summary>
    public static bool Matches(HttpRequest request, string etag)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Contains(etag));
    }
}
