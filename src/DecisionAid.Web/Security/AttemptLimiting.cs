using System.Globalization;
using DecisionAid.Web.Clinic;

namespace DecisionAid.Web.Security;

/// <summary>How many guesses one address may make a minute (RateLimits:AttemptsPerMinute, 10 by default).</summary>
public sealed record AttemptLimitOptions(int PerMinute)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Limits the posts that guess something (sign-in, second factor, a patient's date of birth, a survey link, the
/// tablet's unlock) per address, counted in the database (<see cref="AttemptLimits"/>) so the limit holds across
/// every node of the site. A tablet's unlock has its own allowance, so a patient trying it holds nobody else back.
/// </summary>
public static class AttemptLimiting
{
    public static WebApplicationBuilder AddAttemptLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new AttemptLimitOptions(builder.Configuration.GetValue("RateLimits:AttemptsPerMinute", 10)));
        builder.Services.AddScoped<AttemptLimits>();
        return builder;
    }

    public static WebApplication UseAttemptLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (HttpMethods.IsPost(context.Request.Method) && ClinicAccess.IsAttempt(path))
            {
                var key = (path.StartsWith("/tablet", StringComparison.OrdinalIgnoreCase) ? "tablet " : "attempt ") + Address(context);
                var options = context.RequestServices.GetRequiredService<AttemptLimitOptions>();
                var verdict = await context.RequestServices.GetRequiredService<AttemptLimits>()
                    .TryAsync(key, options.PerMinute, AttemptLimitOptions.Window, context.RequestAborted);
                if (!verdict.Allowed)
                {
                    await TooManyAsync(context, verdict.RetryAfter);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    /// <summary>The caller's address (behind the trusted proxy, the forwarded one).</summary>
    public static string Address(HttpContext context) => DecisionAid.Records.Audit.AuditTrail.AddressOf(context) ?? "unknown";

    public static Task TooManyAsync(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync($"Too many tries from this address. Please wait {seconds} seconds, then try again.");
    }
}
