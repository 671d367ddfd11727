using DecisionAid.Web.Security;
using DecisionAid.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Clinic;

/// <summary>
/// The practice's API keys, for practice leads only: a new key is 256 random bits, shown once and stored only as a
/// hash, with a name, an owner (the lead who made it) and an expiry; making and revoking keys are audited.
/// </summary>
[Authorize(Policy = ClinicPolicies.Lead)]
public sealed class ApiKeysModel(DecisionAidDb db, TimeProvider clock, AuditTrail audit) : ClinicPage
{
    public const int DefaultDays = 365, MaxDays = 3 * 365;

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public int Days { get; set; } = DefaultDays;
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Owners { get; private set; } = new Dictionary<string, string>();
    public string? NewKey { get; private set; }
    public string? Error { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var name = Name.Trim();
        Error = name.Length is 0 or > 100 ? "Give the key a name (up to 100 characters), such as the name of the system that will use it."
            : Days is < 1 or > MaxDays ? $"A key works for 1 to {MaxDays} days; {Days} is outside that."
            : null;
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
        var key = "da_" + Secrets.Token();
        var now = Now;
        var row = new ApiKey
        {
            Id = Guid.NewGuid(), PracticeId = Clinician.PracticeId, Name = name, KeyHash = PacketsApi.Hash(key), CreatedAt = now,
            OwnerId = Clinician.Id, ExpiresAt = now.AddDays(Days),
        };
        db.ApiKeys.Add(row);
        await audit.SaveAsync(new AuditEvent(AuditActions.ApiKeyCreated, AuditActions.Clinician(Clinician), Clinician.PracticeId,
            Detail: $"key {row.Id} '{name}', expires {AuditTrail.Time(row.ExpiresAt)}"));
        NewKey = key;
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? confirm)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.PracticeId == Clinician.PracticeId);
        if (key is null) return NotFound();
        if (confirm != "yes")
        {
            Error = $"The key '{key.Name}' was not revoked: tick the box beside the button to confirm.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
        if (key.RevokedAt is null)
        {
            key.RevokedAt = Now;
            await audit.SaveAsync(new AuditEvent(AuditActions.ApiKeyRevoked, AuditActions.Clinician(Clinician), Clinician.PracticeId, Detail: $"key {key.Id} '{key.Name}'"));
        }
        return Redirect("/clinic/api-keys");
    }

    private async Task LoadAsync()
    {
        Keys = await db.ApiKeys.AsNoTracking().Where(k => k.PracticeId == Clinician.PracticeId).OrderBy(k => k.CreatedAt).ToListAsync();
        Owners = await db.Users.AsNoTracking().Where(u => u.PracticeId == Clinician.PracticeId).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
    }
}
