using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DecisionAid.Records.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Records.Practices;

/// <summary>What adding a clinician did: the practice (and whether it is new) and the one-time password to hand over; or why it could not.</summary>
public sealed record Onboarded(Practice? Practice, bool NewPractice, string? OneTimePassword, string? Problem);

/// <summary>
/// Adds a practice (when its slug is new) and a clinician with a one-time password; the clinician sets up an
/// authenticator at the first sign-in. Accounts follow the site's rules (<see cref="ClinicianIdentity"/>).
/// </summary>
public static partial class ClinicianOnboarding
{
    public static async Task<Onboarded> AddAsync(DecisionAidDb db, string practiceName, string slug, string email, string name, bool lead, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Slug().IsMatch(slug))
            return new(null, false, null, $"the slug '{slug}' must be 2 to 60 lowercase letters, digits and hyphens (it appears in URLs)");
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Slug == slug);
        var isNew = practice is null;
        if (practice is null)
        {
            practice = new Practice { Id = Guid.NewGuid(), Slug = slug, Name = practiceName.Trim(), CreatedAt = now };
            db.Practices.Add(practice);
            await db.SaveChangesAsync();
        }
        await using var provider = Users(db);
        using var users = provider.GetRequiredService<UserManager<Clinician>>();
        var password = OneTimePassword();
        // The one-time password is changed at the first sign-in (after the authenticator is set up).
        var result = await users.CreateAsync(
            new Clinician { UserName = email, Email = email, DisplayName = name, PracticeId = practice.Id, IsLead = lead, MustChangePassword = true }, password);
        return result.Succeeded
            ? new(practice, isNew, password, null)
            : new(practice, isNew, null, string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
    }

    /// <summary>`pda reset-password`: a new one-time password for a clinician (their sessions end; they change it at the next sign-in).</summary>
    public static async Task<(Clinician? Clinician, string? OneTimePassword)> ResetAsync(DecisionAidDb db, string email)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var provider = Users(db);
        using var users = provider.GetRequiredService<UserManager<Clinician>>();
        if (await users.FindByEmailAsync(email.Trim()) is not { RemovedAt: null } clinician) return (null, null);
        return (clinician, await ResetAsync(users, clinician));
    }

    /// <summary>
    /// Replaces the clinician's password with a one-time one that must be changed at the next sign-in; the new security
    /// stamp ends every session they have.
    /// </summary>
    public static async Task<string> ResetAsync(UserManager<Clinician> users, Clinician clinician)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(clinician);
        var password = OneTimePassword();
        var removed = await users.RemovePasswordAsync(clinician);
        var added = removed.Succeeded ? await users.AddPasswordAsync(clinician, password) : removed;
        if (!added.Succeeded) throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Description)));
        clinician.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(clinician, null);
        await users.ResetAccessFailedCountAsync(clinician);
        await users.UpdateAsync(clinician);
        return password;
    }

    /// <summary>Identity's user manager over this database, under the site's account rules.</summary>
    private static ServiceProvider Users(DecisionAidDb db)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(db);
        services.AddIdentityCore<Clinician>(ClinicianIdentity.Configure).AddEntityFrameworkStores<DecisionAidDb>();
        return services.BuildServiceProvider();
    }

    /// <summary>A password to type once (four groups of six hex digits, 96 bits), e.g. for a new or demo clinician.</summary>
    public static string OneTimePassword() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex Slug();
}
