using DecisionAid.Web.Security;
using DecisionAid.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Clinic;

/// <summary>The practice's API keys: a new key is 256 random bits, shown once and stored only as a hash; keys can be revoked.</summary>
public sealed class ApiKeysModel(DecisionAidDb db, TimeProvider clock) : ClinicPage
{
    [BindProperty] public string Name { get; set; } = "";
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public string? NewKey { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var name = Name.Trim();
        if (name.Length is 0 or > 100)
        {
            Error = "Give the key a name (up to 100 characters), such as the name of the system that will use it.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
        var key = "da_" + Secrets.Token();
        db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), PracticeId = Clinician.PracticeId, Name = name, KeyHash = PacketsApi.Hash(key), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        NewKey = key;
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.PracticeId == Clinician.PracticeId);
        if (key is null) return NotFound();
        key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return Redirect("/clinic/api-keys");
    }

    private async Task LoadAsync() =>
        Keys = await db.ApiKeys.AsNoTracking().Where(k => k.PracticeId == Clinician.PracticeId).OrderBy(k => k.CreatedAt).ToListAsync();
}
