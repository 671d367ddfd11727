using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DecisionAid.Browser.Tests.Clinic;

public class ClinicSignInBrowserTests(BrowserSite site)
{
    [Fact]
    public async Task A_clinician_signs_in_with_password_and_authenticator_code_in_a_real_browser()
    {
        var email = $"dr.{Guid.NewGuid():N}@example.org";
        const string password = "violet kettle harbour lantern";
        string key;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            var practice = new Practice { Id = Guid.NewGuid(), Slug = $"b{Guid.NewGuid():N}"[..20], Name = "Browser Clinic", CreatedAt = DateTime.UtcNow };
            db.Practices.Add(practice);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Clinician>>();
            var clinician = new Clinician { UserName = email, Email = email, DisplayName = "Dr Browser", PracticeId = practice.Id };
            Assert.True((await users.CreateAsync(clinician, password)).Succeeded);
            await users.ResetAuthenticatorKeyAsync(clinician);
            key = (await users.GetAuthenticatorKeyAsync(clinician))!;
            await users.SetTwoFactorEnabledAsync(clinician, true);
        }

        var page = await site.NewPage();
        await page.GotoAsync("/clinic/");
        Assert.Contains("/clinic/sign-in", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserSite.ArriveAsync(page, "**/clinic/two-factor");
        await BrowserSite.EnterAuthenticatorCodeAsync(page, key);
        await BrowserSite.ArriveAsync(page, "**/clinic/");
        Assert.Equal("Browser Clinic", await page.Locator("h1").InnerTextAsync());
    }
}
