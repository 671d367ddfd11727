using DecisionAid.Web.Practices;
using Microsoft.AspNetCore.Authorization;
using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Clinic;

/// <summary>
/// The practice's brand and settings (name, phones, address, accent colour (contrast-checked), logo (validated and
/// cleaned), tablet idle time, signing on a shared tablet, bathing advice): practice leads only, and every change is
/// audited. The request may be larger than the logo's limit, so an over-size logo is answered with its size and the
/// form as it was typed, not a bare error page.
/// </summary>
[Authorize(Policy = ClinicPolicies.Lead)]
[RequestSizeLimit(MaxRequestBytes)]
public sealed class PracticeModel(DecisionAidDb db, AuditTrail audit, AidLibrary library) : ClinicPage
{
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? PhoneAfterHours { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string AccentColour { get; set; } = "";
    [BindProperty] public IFormFile? Logo { get; set; }
    [BindProperty] public int TabletIdleMinutes { get; set; } = 5;
    /// <summary>The practice's bathing rule per language code, posted as "Bathing[es]", for every language of the library.</summary>
    public Dictionary<string, string?> Bathing { get; private set; } = [];
    [BindProperty] public bool SigningOnSharedDevice { get; set; }
    /// <summary>The IANA time zone of the clinic's pages.</summary>
    [BindProperty] public string TimeZone { get; set; } = "UTC";
    public string Slug { get; private set; } = "";
    public List<string> Errors { get; } = [];
    public bool Saved { get; private set; }

    public async Task OnGetAsync()
    {
        var practice = await db.Practices.Include(p => p.Texts).SingleAsync(p => p.Id == Clinician.PracticeId);
        (Name, Phone, PhoneAfterHours, Address, AccentColour, Slug) = (practice.Name, practice.Phone, practice.PhoneAfterHours, practice.Address, practice.AccentColour, practice.Slug);
        (TabletIdleMinutes, SigningOnSharedDevice, TimeZone) = (practice.TabletIdleMinutes, practice.SigningOnSharedDevice, practice.TimeZone);
        Bathing = Languages.ToDictionary(l => l, l => practice.TextIn(PracticeText.Bathing, l));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var practice = await db.Practices.Include(p => p.Texts).SingleAsync(p => p.Id == Clinician.PracticeId);
        Slug = practice.Slug;
        Name = Name.Trim();
        if (Name.Length is 0 or > 200) Errors.Add("Enter the practice's name (up to 200 characters).");
        if (BrandRules.ColourProblem(AccentColour) is { } colour) Errors.Add(colour);
        if (Phone?.Length > 40 || PhoneAfterHours?.Length > 40) Errors.Add("Phone numbers can be up to 40 characters.");
        if (Address?.Length > 400) Errors.Add("The address can be up to 400 characters.");
        if (!ModelState.IsValid && ModelState[nameof(TabletIdleMinutes)]?.Errors.Count > 0 || TabletIdleMinutes is < 1 or > 60)
            Errors.Add("The tablet's idle time is a whole number of minutes from 1 to 60.");
        if (!ClinicTime.Known(TimeZone)) Errors.Add($"'{TimeZone}' is not a time zone this server knows: choose one from the list (e.g. America/Chicago).");
        // Read from the form by hand: a bound dictionary would take every field of the form when none is named Bathing[...].
        Bathing = Request.HasFormContentType
            ? Request.Form.Keys.Where(k => k.StartsWith("Bathing[", StringComparison.Ordinal) && k.EndsWith(']'))
                .ToDictionary(k => k["Bathing[".Length..^1], k => (string?)Request.Form[k].ToString(), StringComparer.Ordinal)
            : [];
        foreach (var language in Bathing.Keys.Where(l => !Languages.Contains(l)).ToList())
        {
            Errors.Add($"'{language}' is not a language of this site; bathing advice can be written in: {string.Join(", ", Languages)}.");
            Bathing.Remove(language);
        }
        foreach (var language in Languages)
        {
            var advice = Bathing.GetValueOrDefault(language);
            var name = Core.Content.Languages.EnglishName(language);
            if (advice?.Length > MaxAdvice) Errors.Add($"The {name} bathing advice can be up to {MaxAdvice} characters.");
            else if (advice is not null)
                foreach (var sentence in Core.Readability.PlainSentences.TooHard(advice, language))
                    Errors.Add($"The {name} bathing advice has a sentence patients may find hard to read (above the aids' own limit): \"{sentence}\". Use shorter sentences and words.");
        }
        (string Type, byte[] Bytes)? logo = null;
        if (Logo is { Length: > 0 })
        {
            if (Logo.Length > BrandRules.MaxLogoBytes)
                Errors.Add($"The logo is {Kb(Logo.Length)} KB; the limit is {BrandRules.MaxLogoBytes / 1024} KB. Choose a smaller picture (the rest of the form is kept).");
            else
            {
                using var buffer = new MemoryStream();
                await Logo.CopyToAsync(buffer);
                var (type, bytes, problem) = BrandRules.CleanLogo(buffer.ToArray());
                if (problem is not null) Errors.Add($"The logo: {problem}.");
                else logo = (type!, bytes!);
            }
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        practice.Name = Name;
        practice.Phone = Blank(Phone);
        practice.PhoneAfterHours = Blank(PhoneAfterHours);
        practice.Address = Blank(Address);
        practice.AccentColour = AccentColour.ToLowerInvariant();
        practice.TabletIdleMinutes = TabletIdleMinutes;
        var textsChanged = SetTexts(practice, PracticeText.Bathing, Bathing);
        practice.SigningOnSharedDevice = SigningOnSharedDevice;
        practice.TimeZone = TimeZone;
        if (logo is { } l) (practice.LogoContentType, practice.Logo) = (l.Type, l.Bytes);
        var changed = db.Entry(practice).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).Concat(textsChanged).ToList();
        await audit.SaveAsync(new AuditEvent(AuditActions.PracticeSettingsChanged, AuditActions.Clinician(Clinician), practice.Id,
            Detail: changed.Count == 0 ? "saved with no change" : $"changed: {string.Join(", ", changed)}"));
        await HttpContext.RequestServices.EvictBrandAsync(practice.Slug, HttpContext.RequestAborted);
        Saved = true;
        return Page();
    }

    public const int MaxAdvice = PracticeText.MaxLength;
    public int MaxAdviceText => MaxAdvice;

    /// <summary>The languages the practice writes its own words in: every language of the library.</summary>
    public IReadOnlyList<string> Languages => library.Content.Languages;

    /// <summary>Writes one key's words per language (a blank removes them) and names what changed, for the audit entry.</summary>
    private List<string> SetTexts(Practice practice, string key, Dictionary<string, string?> words)
    {
        var changed = new List<string>();
        foreach (var language in Languages)
        {
            var text = Blank(words.GetValueOrDefault(language));
            var row = practice.Texts.FirstOrDefault(t => t.Key == key && t.Language == language);
            if (row?.Text == text) continue;
            if (row is not null && text is null) practice.Texts.Remove(row);
            else if (row is not null) row.Text = text!;
            else if (text is not null) practice.Texts.Add(new PracticeText { PracticeId = practice.Id, Language = language, Key = key, Text = text });
            else continue;
            changed.Add($"{key} ({language})");
        }
        return changed;
    }
    /// <summary>Well above the logo's limit, so an over-size logo still reaches the form's own message.</summary>
    public const int MaxRequestBytes = 10_000_000;

    private static long Kb(long bytes) => (bytes + 1023) / 1024;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
