using DecisionAid.Core.Content;
using DecisionAid.Core.Readability;
using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace DecisionAid.Web.Aids;

/// <summary>The list of aids in one language, with a search (in every language the aids are written in) that needs no script.</summary>
[OutputCache(PolicyName = PublicPageSpeed.PublicPagePolicy)]
public sealed class IndexModel(AidLibrary library) : PageModel
{
    public sealed record Entry(Aid Aid, string Language, string Title, string Summary);

    public string Lang { get; private set; } = "en";
    public string Query { get; private set; } = "";
    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public void OnGet(string lang, string? q)
    {
        Lang = lang;
        Query = (q ?? "").Trim();
        if (Query.Length > 100) Query = Query[..100];
        Entries = [.. library.Aids
            .Select(aid =>
            {
                // Shown in the reader's language when written, else in the first language the aid has.
                var language = aid.Texts.ContainsKey(lang) ? lang : aid.Languages.First();
                var text = aid.Texts[language];
                return new Entry(aid, language, text.Title.Value, MarkdownText.Plain(text.Summary.Value));
            })
            .Where(e => Query.Length == 0 || library.Search.Matches(e.Aid, Query))
            .OrderBy(e => e.Title, StringComparer.CurrentCultureIgnoreCase)];
    }
}
