using DecisionAid.Core.Content;
using DecisionAid.Rendering;
using DecisionAid.Web.Library;
using DecisionAid.Web.Practices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Aids;

/// <summary>One aid in one language: a pure rendering of the immutable content, cached whole with an ETag.</summary>
[OutputCache(PolicyName = PublicPageSpeed.PublicPagePolicy)]
public sealed class ShowModel(AidLibrary library, DecisionAidDb db) : PageModel
{
    public string Lang { get; private set; } = "en";
    public Aid? Aid { get; private set; }
    public bool HasLanguage { get; private set; }
    public string Title { get; private set; } = "";
    public string PageUrl { get; private set; } = "";

    public RenderOptions RenderOptions => new()
    {
        PictureUrl = (aid, picture) => AidAssets.PictureUrl(library, aid, picture),
        AidUrl = aid => $"/{Lang}/aids/{aid}",
        DossierUrl = DossierEndpoints.Url,
    };

    public Brand? Brand { get; private set; }

    /// <summary>Also at /{lang}/p/{slug}/aids/{id}: the same aid under a practice's brand.</summary>
    public async Task<IActionResult> OnGetAsync(string lang, string id, string? slug)
    {
        if (slug is not null)
        {
            var practice = await db.Practices.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug);
            if (practice is null) return NotFound();
            Brand = Brand.Of(practice);
            HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(PublicPageSpeed.BrandTag(practice.Slug));
        }
        return Show(lang, id);
    }

    private IActionResult Show(string lang, string id)
    {
        Lang = lang;
        Aid = library.Find(id);
        if (Aid is null) return NotFound();
        HasLanguage = Aid.Texts.ContainsKey(lang);
        // An aid not yet written in this language says so, in the reader's language, and links to the ones it has.
        Title = (HasLanguage ? Aid.Texts[lang] : Aid.Texts.Values.First()).Title.Value;
        PageUrl = $"{Request.Scheme}://{Request.Host}{Request.Path}";
        if (!HasLanguage)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var etag = library.ETag(Aid, lang, Brand is null ? "" : $"-{Brand.Slug}-{Brand.Version}");
        Response.Headers.ETag = etag;
        Response.Headers.CacheControl = "public, max-age=300";
        if (ETags.Matches(Request, etag))
            return StatusCode(StatusCodes.Status304NotModified);
        return Page();
    }
}
