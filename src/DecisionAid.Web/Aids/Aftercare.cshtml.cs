using DecisionAid.Core.Content;
using DecisionAid.Rendering;
using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Aids;

/// <summary>An aid's aftercare on its own page: every item, those for one nerve or method marked as such.</summary>
public sealed class AftercareModel(AidLibrary library, AidRenderer renderer) : PageModel
{
    public string Lang { get; private set; } = "en";
    public Aid Aid { get; private set; } = default!;
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string lang, string id)
    {
        if (library.Find(id) is not { } aid || !aid.Texts.ContainsKey(lang) || aid.Aftercare.Count == 0) return NotFound();
        (Lang, Aid) = (lang, aid);
        Html = await renderer.RenderAftercareAsync(aid, lang, null);
        Response.Headers.CacheControl = "public, max-age=300";
        return Page();
    }
}
