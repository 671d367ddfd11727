using Microsoft.AspNetCore.Authentication;
using DecisionAid.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace DecisionAid.Web.Clinic;

/// <summary>
/// Clinicians sign in with a long password (checked against leaked passwords) and a second factor (TOTP);
/// repeated failures lock the account, and sign-in attempts are rate-limited per address.
/// </summary>
public static class ClinicAccess
{
    private static readonly string[] SignInPaths = ["/clinic/sign-in", "/clinic/two-factor", "/tablet/unlock"];
    public const string CookieName = "__Host-da-clinic";

    private const string SignedInAtKey = "da-signed-in-at";

    public static WebApplicationBuilder AddClinicAccess(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var idleMinutes = builder.Configuration.GetValue("Clinic:IdleMinutes", 60);
        var sessionHours = builder.Configuration.GetValue("Clinic:SessionHours", 12);
        // The security stamp is checked on every request, so a sign-out or a removal takes effect at once.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddIdentity<Clinician, IdentityRole>(DecisionAid.Records.Practices.ClinicianIdentity.Configure)
            .AddEntityFrameworkStores<DecisionAidDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<CommonPasswords>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            // Idle limit (sliding) and absolute limit from the sign-in, whichever comes first.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(idleMinutes);
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = context =>
            {
                context.Properties.Items.TryAdd(SignedInAtKey, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (context.Properties.Items.TryGetValue(SignedInAtKey, out var at)
                    && DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var signedIn)
                    && now - signedIn > TimeSpan.FromHours(sessionHours))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                // Then Identity's own check: a changed security stamp (sign-out, password change or reset, removal) ends the session.
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
            o.LoginPath = "/clinic/sign-in";
            o.AccessDeniedPath = "/clinic/sign-in";
        });
        builder.Services.ConfigureExternalCookie(o => o.Cookie.Name = "__Host-da-external");
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "__Host-da-2fa";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddClinicPolicies();
        // Attempts (POSTs) to the sign-in steps, the tablet's unlock and to patients' links: 10 a minute per address by default
        // (RateLimits:AttemptsPerMinute), counted in the database so every node counts the same; pages are not limited.
        builder.AddAttemptLimits();
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Clinic").AllowAnonymousToPage("/Clinic/SignIn").AllowAnonymousToPage("/Clinic/TwoFactor");
        });
        return builder;
    }

    /// <summary>Routing ignores case and a trailing slash, so the match does too.</summary>
    public static bool IsAttempt(string path)
    {
        var normal = path.TrimEnd('/');
        return SignInPaths.Contains(normal, StringComparer.OrdinalIgnoreCase) || normal.StartsWith("/p/", StringComparison.OrdinalIgnoreCase)
            || normal.StartsWith("/s/", StringComparison.OrdinalIgnoreCase);
    }

    public static WebApplication UseClinicAccess(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAttemptLimits();
        app.UseAuthorization();
        return app;
    }
}
