using DecisionAid.Records.Practices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Clinic;

/// <summary>
/// The practice's clinicians, for practice leads: reset a password (a one-time password, shown once, changed at the
/// next sign-in) or remove a clinician (they cannot sign in, their sessions end, their API keys are revoked). Both
/// are audited. A lead cannot remove themselves (`pda reset-password` helps a practice whose lead is locked out).
/// </summary>
[Authorize(Policy = ClinicPolicies.Lead)]
public sealed class TeamModel(DecisionAidDb db, UserManager<Clinician> users, TimeProvider clock, AuditTrail audit) : ClinicPage
{
    public IReadOnlyList<Clinician> Members { get; private set; } = [];
    public (string Name, string Password)? OneTimePassword { get; private set; }
    public string? Done { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        if (await MemberAsync(id) is not { } member) return NotFound();
        var password = await ClinicianOnboarding.ResetAsync(users, member);
        await audit.SaveAsync(new AuditEvent(AuditActions.PasswordReset, AuditActions.Clinician(Clinician), Clinician.PracticeId, Detail: $"clinician {member.Id}"));
        OneTimePassword = (member.DisplayName, password);
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, string? confirm)
    {
        if (await MemberAsync(id) is not { } member || member.Id == Clinician.Id) return NotFound();
        if (confirm != "yes")
        {
            Done = $"{member.DisplayName} was not removed: tick the box beside the button to confirm.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await audit.BeginAsync();
        member.RemovedAt = now;
        member.LockoutEnabled = true;
        member.LockoutEnd = DateTimeOffset.MaxValue;
        // A new stamp ends every session they have at their next request.
        await users.UpdateSecurityStampAsync(member);
        var keys = await db.ApiKeys.Where(k => k.OwnerId == member.Id && k.RevokedAt == null).ToListAsync();
        foreach (var key in keys) key.RevokedAt = now;
        await audit.SaveAsync(new AuditEvent(AuditActions.ClinicianRemoved, AuditActions.Clinician(Clinician), Clinician.PracticeId,
            Detail: $"clinician {member.Id}; API keys revoked: {keys.Count}"));
        await transaction.CommitAsync();
        Done = $"{member.DisplayName} is removed: they cannot sign in, and {keys.Count} API key(s) of theirs are revoked.";
        await LoadAsync();
        return Page();
    }

    private Task<Clinician?> MemberAsync(string id) =>
        db.Users.SingleOrDefaultAsync(u => u.Id == id && u.PracticeId == Clinician.PracticeId && u.RemovedAt == null);

    private async Task LoadAsync() =>
        Members = await db.Users.AsNoTracking().Where(u => u.PracticeId == Clinician.PracticeId).OrderBy(u => u.DisplayName).ToListAsync();
}
