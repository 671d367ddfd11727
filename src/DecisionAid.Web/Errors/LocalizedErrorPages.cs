namespace DecisionAid.Web.Errors;

public static class LocalizedErrorPages
{
    /// <summary>
    /// Empty error responses (unknown URL, unknown aid) become a real page in the reader's language, keeping their
    /// status. A request over the size limit becomes 413 with its own page, not a server error.
    /// </summary>
    public static WebApplication UseLocalizedErrorPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/errors/500");
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
        });
        return app;
    }
}
