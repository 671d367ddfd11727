using DecisionAid.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Clinic;

/// <summary>
/// A clinic page: signed in with both factors. A clinician who has not set up an authenticator yet is sent to do
/// so first (the password alone opens only that page). <see cref="Clinician"/> is the signed-in clinician.
/// </summary>
public abstract class ClinicPage(UserManager<Clinician> users) : PageModel
{
    public Clinician Clinician { get; private set; } = default!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            context.Result = new RedirectResult("/clinic/sign-in");
            return;
        }
        if (!user.TwoFactorEnabled)
        {
            context.Result = new RedirectResult("/clinic/authenticator");
            return;
        }
        Clinician = user;
        await next();
    }
}
