using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Demo;

/// <summary>
/// In Development only, an empty database gets a demo practice, a demo clinician and one demo packet, and the
/// console says how to sign in (a fresh random password and authenticator key) and the patient's link, shown once.
/// Never in Production.
/// </summary>
public static class DemoPractice
{
    public const string Email = "demo.clinician@decisionaid.example";

    public static async Task SeedDemoAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment()) return;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
        if (await db.Practices.AnyAsync()) return;

        var practice = new Practice
        {
            Id = Guid.NewGuid(), Slug = "demo", Name = "Demo Pain Clinic", Phone = "555-0100", PhoneAfterHours = "555-0199",
            Address = "1 Example Street, Springfield", CreatedAt = DateTime.UtcNow,
        };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<Clinician>>();
        var password = DecisionAid.Records.Practices.ClinicianOnboarding.OneTimePassword();
        var clinician = new Clinician { UserName = Email, Email = Email, DisplayName = "Dr Demo", PracticeId = practice.Id, EmailConfirmed = true, IsLead = true };
        var created = await users.CreateAsync(clinician, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.ResetAuthenticatorKeyAsync(clinician);
        var key = await users.GetAuthenticatorKeyAsync(clinician);
        await users.SetTwoFactorEnabledAsync(clinician, true);

        var library = scope.ServiceProvider.GetRequiredService<AidLibrary>();
        var aid = library.Find("neurolysis") ?? library.Aids[0];
        var (token, hash) = Packets.PacketLinks.NewToken();
        var links = scope.ServiceProvider.GetRequiredService<Packets.PacketLinks>();
        var packetId = Guid.NewGuid();
        var packet = new Packet
        {
            Id = packetId, PracticeId = practice.Id, CreatedById = clinician.Id, AidId = aid.Id, Language = "en",
            ContentVersion = aid.Version, ContentHash = aid.ContentHash,
            Target = aid.Personalisation.Targets.FirstOrDefault(t => t.Id == "genicular")?.Id, Method = aid.Id == "neurolysis" ? "heat" : null,
            HealthFactors = aid.Personalisation.HealthFactors.Any(f => f.Id == "blood-thinners") ? "blood-thinners" : "",
            PatientName = "Demo Patient", PatientBirthDate = new DateOnly(1950, 1, 1), TokenHash = hash,
            TokenExpiresAt = DateTime.UtcNow + links.Lifetime, CreatedAt = DateTime.UtcNow,
        };
        db.Packets.Add(packet);
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveAsync(Fingerprints.PacketCreated(packet, "system", "demo"));
        var site = (app.Configuration["Site:PublicBaseUrl"] is { Length: > 0 } configured ? configured : (app.Configuration["Urls"] ?? "http://127.0.0.1:5000").Split(';')[0]).TrimEnd('/');

        Console.WriteLine($"""

            Demo practice created (Development only): {practice.Name}
              Sign in at {site}/clinic/sign-in
                email:    {Email}
                password: {password}
              Add this key to an authenticator app (time-based, 6 digits), then enter its code:
                key:      {key}
                otpauth://totp/DecisionAid:{Uri.EscapeDataString(Email)}?secret={key}&issuer=DecisionAid&digits=6
              Demo patient link (date of birth 1950-01-01):
                {site}/p/{token}
              (Shown once. Delete the database file to start over.)

            """);
    }
}
