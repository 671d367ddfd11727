using System.Text.RegularExpressions;
using DecisionAid.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Practices;

/// <summary>
/// Adds a practice (when new) and a clinician from the command line, on the configured database:
///   dotnet DecisionAid.Web.dll add-clinician --practice "Riverside Pain Clinic" --slug riverside --email dr@example.org --name "Dr Lee"
/// Prints a one-time password (the clinician sets up an authenticator at the first sign-in); exit 0, or 2 with the reason.
/// </summary>
public static partial class Onboarding
{
    public const string Verb = "add-clinician";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var (practiceName, slug, email, name) = (Arg("--practice"), Arg("--slug"), Arg("--email"), Arg("--name"));
        if (practiceName is null || slug is null || email is null || name is null)
        {
            Console.Error.WriteLine("usage: add-clinician --practice NAME --slug SLUG --email EMAIL --name \"DISPLAY NAME\" [--lead]");
            return 2;
        }
        if (!Slug().IsMatch(slug))
        {
            Console.Error.WriteLine($"the slug '{slug}' must be 2 to 60 lowercase letters, digits and hyphens (it appears in URLs)");
            return 2;
        }
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Slug == slug);
        if (practice is null)
        {
            practice = new Practice { Id = Guid.NewGuid(), Slug = slug, Name = practiceName.Trim(), CreatedAt = DateTime.UtcNow };
            db.Practices.Add(practice);
            await db.SaveChangesAsync();
            Console.WriteLine($"added the practice {practice.Name} ({slug})");
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Clinician>>();
        var password = Security.Secrets.OneTimePassword();
        var result = await users.CreateAsync(new Clinician { UserName = email, Email = email, DisplayName = name, PracticeId = practice.Id, IsLead = args.Contains("--lead") }, password);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            return 2;
        }
        Console.WriteLine($"added {name} <{email}> to {practice.Name}{(args.Contains("--lead") ? " as a practice lead" : "")}; one-time password (shown once): {password}");
        Console.WriteLine("At the first sign-in at /clinic/sign-in they set up an authenticator app.");
        return 0;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex Slug();
}
