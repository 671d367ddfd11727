using System.Globalization;
using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Errors;

/// <summary>The error page, in the language of the page that failed, else the reader's preferred language.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Lang { get; private set; } = "en";
    public int Code { get; private set; }
    /// <summary>For a request over the server's limit: its size and the limit, in MB.</summary>
    public (string Size, string Limit)? TooLarge { get; private set; }

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    // The code comes from the route, never from model binding: binding a POST reads its form, and an over-size
    // body would fail that read and turn every code into the fallback.
    private PageResult Show()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 404;
        Code = code is >= 400 and <= 599 ? code : 404;
        // A body over the limit fails inside the form reader (antiforgery answers 400, Kestrel 413): say what happened.
        var limit = HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (Request.ContentLength is { } length && limit is { } max && length > max)
        {
            Code = StatusCodes.Status413PayloadTooLarge;
            TooLarge = (Megabytes(length), Megabytes(max));
        }
        Lang = LanguageRouting.FromPath(original, HttpContext) ?? LanguageRouting.Negotiate(Request);
        Response.StatusCode = Code;
        return Page();
    }

    // Decimal megabytes, as the limits are set (30,000,000 bytes is "30 MB").
    private static string Megabytes(long bytes) => (bytes / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture);
}
