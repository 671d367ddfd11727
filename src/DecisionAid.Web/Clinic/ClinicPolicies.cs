using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;

namespace DecisionAid.Web.Clinic;

/// <summary>
/// Who may see clinic pages and downloads, declared once: <see cref="Clinician"/> (signed in with both factors) and
/// <see cref="Lead"/> (a practice lead, also with both factors). A clinician without an authenticator yet is sent to
/// set one up, one holding a one-time password to change it, and a removed clinician is not let in at all; a clinician
/// who is not a lead gets 404 for lead-only addresses, which are not shown to exist.
/// </summary>
public static class ClinicPolicies
{
    public const string Clinician = "clinician with second factor";
    public const string Lead = "practice lead";
    private const string Key = "DecisionAid.Clinician";

    public static IServiceCollection AddClinicPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Clinician, p => p.RequireAuthenticatedUser().AddRequirements(new SecondFactorRequirement(), new OwnPasswordRequirement()))
            .AddPolicy(Lead, p => p.RequireAuthenticatedUser().AddRequirements(new SecondFactorRequirement(), new OwnPasswordRequirement(), new LeadRequirement()));
        services.AddScoped<IAuthorizationHandler, ClinicianRequirements>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ClinicAuthorizationResults>();
        return services;
    }

    /// <summary>The clinician the policy admitted, read once per request.</summary>
    public static Records.Data.Clinician Current(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[Key] as Records.Data.Clinician
            ?? throw new InvalidOperationException($"{context.Request.Path} reads the clinician without requiring the '{Clinician}' policy");
    }

    private sealed class SecondFactorRequirement : IAuthorizationRequirement;

    private sealed class LeadRequirement : IAuthorizationRequirement;

    /// <summary>Not holding a one-time password (a new account, a reset).</summary>
    private sealed class OwnPasswordRequirement : IAuthorizationRequirement;

    private sealed class ClinicianRequirements(UserManager<Records.Data.Clinician> users) : IAuthorizationHandler
    {
        public async Task HandleAsync(AuthorizationHandlerContext context)
        {
            var pending = context.PendingRequirements.Where(r => r is SecondFactorRequirement or LeadRequirement or OwnPasswordRequirement).ToList();
            if (pending.Count == 0 || context.Resource is not HttpContext http) return;
            if (http.Items[Key] is not Records.Data.Clinician clinician)
            {
                if (await users.GetUserAsync(context.User) is not { RemovedAt: null } found) return;
                http.Items[Key] = clinician = found;
            }
            foreach (var requirement in pending)
            {
                var met = requirement switch
                {
                    SecondFactorRequirement => clinician.TwoFactorEnabled,
                    OwnPasswordRequirement => !clinician.MustChangePassword,
                    _ => clinician.TwoFactorEnabled && clinician.IsLead,
                };
                if (met) context.Succeed(requirement);
            }
        }
    }

    private sealed class ClinicAuthorizationResults : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
            var ours = policy.Requirements.Any(r => r is SecondFactorRequirement);
            if (ours && authorizeResult.Challenged)
            {
                // Not signed in: the sign-in page, as the clinic's own links go (no return address to tamper with).
                context.Response.Redirect("/clinic/sign-in");
                return;
            }
            if (context.User.Identity?.IsAuthenticated == true && failed.Count > 0)
            {
                if (failed.Any(r => r is SecondFactorRequirement))
                {
                    context.Response.Redirect("/clinic/authenticator");
                    return;
                }
                if (failed.Any(r => r is OwnPasswordRequirement))
                {
                    context.Response.Redirect("/clinic/password");
                    return;
                }
                if (failed.Any(r => r is LeadRequirement))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
            }
            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
