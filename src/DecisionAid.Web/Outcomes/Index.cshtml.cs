using System.Globalization;
using DecisionAid.Core.Content;
using DecisionAid.Web.Clinic;
using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DecisionAid.Web.Outcomes;

/// <summary>
/// A practice lead's outcomes: for one aid over a date range, per language and content version, the funnel,
/// understanding (knowledge check), decisional conflict (SURE), satisfaction, reading time and consent, with counts
/// and 95% intervals, and versions compared once each has enough patients. Anyone else gets 404.
/// </summary>
/// <summary>Practice leads only (others get 404).</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = ClinicPolicies.Lead)]
public sealed class IndexModel(DecisionAidDb db, AidLibrary library, AidArchive archive, TimeProvider clock, IConfiguration config, CountingAtStart counting) : ClinicPage
{
    public IReadOnlyList<Aid> Aids => library.Aids;
    public Aid Aid { get; private set; } = default!;
    public OutcomesFilter Filter { get; private set; } = default!;
    public IReadOnlyList<VersionOutcomes> Versions { get; private set; } = [];
    public int Minimum => config.GetValue("Outcomes:MinimumPerVersion", 20);
    public string? Problem { get; private set; }
    public string Query => string.Create(CultureInfo.InvariantCulture, $"aid={Aid.Id}&from={Filter.From:yyyy-MM-dd}&to={Filter.To:yyyy-MM-dd}");

    public async Task<IActionResult> OnGetAsync(string? aid, string? from, string? to)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        (Aid, Filter, Problem) = Parse(library, Clinician.PracticeId, aid, from, to, today);
        if (Problem is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        else Versions = counting.Done
            ? await OutcomesQuery.RunAsync(db, Filter, Aid, archive, HttpContext.RequestAborted)
            : await OutcomesQuery.FromRecordsAsync(db, Filter, Aid, archive, HttpContext.RequestAborted); // older packets are still being counted
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The aid and dates asked for, checked once for the page and the exports: by default the first aid over the last 90 days.</summary>
    public static (Aid Aid, OutcomesFilter Filter, string? Problem) Parse(AidLibrary library, Guid practice, string? aidId, string? from, string? to, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(library);
        var aid = aidId is null ? library.Aids[0] : library.Find(aidId);
        var fallback = new OutcomesFilter(practice, (aid ?? library.Aids[0]).Id, today.AddDays(-90), today);
        if (aid is null) return (library.Aids[0], fallback, $"There is no aid '{aidId}'.");
        static DateOnly? Date(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var start = from is null ? fallback.From : Date(from);
        var end = to is null ? today : Date(to);
        if (start is null || end is null) return (aid, fallback, "Dates are written like 2026-01-31.");
        if (start > end) return (aid, fallback, "The first day comes after the last day.");
        return (aid, new OutcomesFilter(practice, aid.Id, start.Value, end.Value), null);
    }
}
