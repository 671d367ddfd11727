using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Errors;

/// <summary>The error page, in the language of the page that failed, else the reader's preferred language.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Lang { get; private set; } = "en";
    public int Code { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Code = code is >= 400 and <= 599 ? code : 404;
        Lang = LanguageRouting.FromPath(original) ?? LanguageRouting.Negotiate(Request);
        Response.StatusCode = Code;
        return Page();
    }
}
