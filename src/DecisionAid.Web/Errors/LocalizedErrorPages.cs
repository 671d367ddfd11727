namespace DecisionAid.Web.Errors;

public static class LocalizedErrorPages
{
    /// <summary>Empty error responses (unknown URL, unknown aid) become a real page in the reader's language, keeping their status.</summary>
    public static WebApplication UseLocalizedErrorPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/errors/500");
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        return app;
    }
}
