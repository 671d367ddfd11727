using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Tablet;

/// <summary>
/// The only way out of tablet mode: the password of the clinician who handed the tablet over. It restores that
/// clinician's sign-in (password and second factor, given before the hand-over) only until it would have ended anyway,
/// without sliding. Wrong passwords count on the tablet, not the account (a patient cannot lock a clinician out
/// everywhere): after <see cref="MaxFailures"/> the tablet mode ends and only a full sign-in with both factors opens
/// the clinic. Every try is audited and rate-limited.
/// </summary>
public sealed class UnlockModel(TabletSessions tablets, UserManager<Clinician> users, SignInManager<Clinician> signIn, DecisionAidDb db, AuditTrail audit) : PageModel
{
    public const int MaxFailures = 5;

    [BindProperty] public string Password { get; set; } = "";
    public string ClinicianName { get; private set; } = "";
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await Tablet() is not { } current) return Redirect("/clinic/"); // no tablet here: the clinic (or its sign-in)
        ClinicianName = current.User.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await Tablet() is not { } current) return Redirect("/clinic/"); // no tablet here: the clinic (or its sign-in)
        var (tablet, user) = current;
        ClinicianName = user.DisplayName;
        var right = !await users.IsLockedOutAsync(user) && await users.CheckPasswordAsync(user, Password ?? "");
        Password = "";
        if (!right)
        {
            tablet.FailedUnlocks++;
            var ended = tablet.FailedUnlocks >= MaxFailures;
            await audit.SaveAsync(new AuditEvent(AuditActions.TabletUnlockFailed, AuditActions.Clinician(user), tablet.PracticeId,
                Detail: ended ? $"wrong password ({tablet.FailedUnlocks}): tablet mode ended" : $"wrong password ({tablet.FailedUnlocks})"));
            if (ended)
            {
                await tablets.EndAsync(HttpContext, tablet);
                return Redirect("/clinic/sign-in");
            }
            await db.SaveChangesAsync();
            Problem = $"That is not the password. After {MaxFailures - tablet.FailedUnlocks} more wrong tries the tablet needs a full sign-in.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var until = tablet.ExpiresAt;
        await tablets.EndAsync(HttpContext, tablet);
        await signIn.SignInAsync(user, new AuthenticationProperties
        {
            IsPersistent = false, AllowRefresh = false, ExpiresUtc = new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)),
        }, "pwd");
        await audit.SaveAsync(new AuditEvent(AuditActions.TabletUnlocked, AuditActions.Clinician(user), tablet.PracticeId));
        return Redirect("/clinic/");
    }

    private async Task<(TabletSession Tablet, Clinician User)?> Tablet()
    {
        if (await tablets.CurrentAsync(HttpContext) is not { } tablet || await users.FindByIdAsync(tablet.ClinicianId) is not { } user) return null;
        return (tablet, user);
    }
}
