using System.Threading.RateLimiting;
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

    public static WebApplicationBuilder AddClinicAccess(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddIdentity<Clinician, IdentityRole>(DecisionAid.Records.Practices.ClinicianIdentity.Configure)
            .AddEntityFrameworkStores<DecisionAidDb>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswords>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
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
        // (RateLimits:AttemptsPerMinute); pages themselves are not limited.
        var permits = builder.Configuration.GetValue("RateLimits:AttemptsPerMinute", 10);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && IsAttempt(context.Request.Path.Value ?? "")
                    // A tablet's unlock has its own allowance: a patient trying it cannot hold staff or other patients back.
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        (context.Request.Path.StartsWithSegments("/tablet", StringComparison.OrdinalIgnoreCase) ? "tablet " : "") + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Clinic").AllowAnonymousToPage("/Clinic/SignIn").AllowAnonymousToPage("/Clinic/TwoFactor");
        });
        return builder;
    }

    /// <summary>Routing ignores case and a trailing slash, so the match does too.</summary>
    private static bool IsAttempt(string path)
    {
        var normal = path.TrimEnd('/');
        return SignInPaths.Contains(normal, StringComparer.OrdinalIgnoreCase) || normal.StartsWith("/p/", StringComparison.OrdinalIgnoreCase)
            || normal.StartsWith("/s/", StringComparison.OrdinalIgnoreCase);
    }

    public static WebApplication UseClinicAccess(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
