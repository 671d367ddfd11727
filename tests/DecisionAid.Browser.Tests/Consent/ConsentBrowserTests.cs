using Microsoft.Playwright;

namespace DecisionAid.Browser.Tests.Consent;

/// <summary>
/// The whole consent in real Chromium: the patient signs on a phone, drawing with pointer events; the clinician
/// countersigns with their password; both download the PDF, and the FHIR bundle validates. Every page passes axe.
/// </summary>
public class ConsentBrowserTests(BrowserSite site)
{
    [Fact]
    public async Task A_patient_signs_on_a_phone_and_the_clinician_countersigns_and_both_get_the_record()
    {
        var (email, password, key) = await site.NewClinicianAsync("Lakeside Pain Clinic");
        var problems = new List<string>();
        var desk = await site.SignedInDeskAsync(email, password, key);
        await desk.GotoAsync("/clinic/packets/new?aid=neurolysis");
        await desk.Locator("#target").SelectOptionAsync("celiac-plexus");
        await desk.Locator("#method").SelectOptionAsync("medicine");
        await desk.Locator("#name").FillAsync("Lee Example");
        await desk.Locator("#dob").FillAsync("1952-02-20");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Create packet" }).ClickAsync();
        var link = await desk.Locator("code.link").InnerTextAsync();

        var phone = await site.NewPage(width: 360, height: 740, touch: true);
        await phone.GotoAsync(link.Replace("https://", "http://", StringComparison.Ordinal));
        await phone.Locator("#birth-date").FillAsync("1952-02-20");
        await phone.GetByRole(AriaRole.Button).Filter(new() { HasText = "guide" }).ClickAsync();
        await BrowserSite.ArriveAsync(phone, "**/packet");

        // Not before the knowledge check.
        await phone.GotoAsync("/packet/consent");
        Assert.Contains("Please answer the questions", await phone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await BrowserSite.Axe(phone));
        await phone.GotoAsync("/packet");
        var forms = phone.Locator("#my-check form");
        for (var i = 0; i < await forms.CountAsync(); i++)
        {
            // A tap saves it (the button is only there without script, or after a failed save).
            await BrowserSite.TapAndWaitSavedAsync(forms.Nth(i), forms.Nth(i).Locator("input[type=radio]").First);
        }
        await phone.GetByRole(AriaRole.Link, new() { Name = "Go to your decision" }).ClickAsync();
        await BrowserSite.ArriveAsync(phone, "**/packet/consent");
        var statement = await phone.Locator(".statement").InnerTextAsync();
        Assert.Contains("The nerve to treat: Celiac plexus.", statement, StringComparison.Ordinal);
        Assert.Contains("If you would rather sign on paper", await phone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await BrowserSite.Axe(phone));

        // Signing without drawing is refused with a message; then the patient draws with a finger (pointer events).
        await phone.Locator("#typed-name").FillAsync("Lee Example");
        await BrowserSite.SubmitAsync(phone.GetByRole(AriaRole.Button, new() { Name = "I agree and sign" }));
        // Issue 17 item 9: the message sits in the signature box, the page opens at it, and it has the focus.
        var message = phone.Locator(".signature-pad #sign-problem");
        Assert.Contains("Please draw your signature", await message.InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(message).ToBeFocusedAsync();
        await Assertions.Expect(message).ToBeInViewportAsync();
        problems.AddRange(await BrowserSite.Axe(phone));
        var canvas = phone.Locator(".signature-pad canvas");
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        await phone.Mouse.MoveAsync(box.X + 20, box.Y + (box.Height * 0.7f));
        await phone.Mouse.DownAsync();
        foreach (var (x, y) in new[] { (0.2f, 0.2f), (0.35f, 0.8f), (0.5f, 0.25f), (0.65f, 0.75f), (0.85f, 0.3f) })
            await phone.Mouse.MoveAsync(box.X + (box.Width * x), box.Y + (box.Height * y), new() { Steps = 6 });
        await phone.Mouse.UpAsync();
        Assert.StartsWith("M", await phone.Locator("input[name=strokes]").InputValueAsync(), StringComparison.Ordinal);
        await BrowserSite.FontsLoadedAsync(phone);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("consent-sign-phone.png"), FullPage = false });
        await phone.GetByRole(AriaRole.Button, new() { Name = "I agree and sign" }).ClickAsync();
        await BrowserSite.ArriveAsync(phone, "**/packet/consent#decision"); // not "consent*": the failed try left the page at consent?handler=Decide
        Assert.Contains("You signed on", await phone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await BrowserSite.Axe(phone));

        // The clinician sees the drawn signature and countersigns with their password.
        await desk.GotoAsync("/clinic/");
        // The list says who is waiting for a countersignature, and links straight to it.
        await desk.Locator("tr", new() { HasText = "Lee Example" }).GetByRole(AriaRole.Link, new() { Name = "Signed: countersign" }).ClickAsync();
        await BrowserSite.ArriveAsync(desk, "**/consent");
        Assert.StartsWith("data:image/svg+xml;base64,", await desk.Locator(".signature-image img").GetAttributeAsync("src"), StringComparison.Ordinal);
        problems.AddRange(await BrowserSite.Axe(desk));
        await desk.GetByLabel("I talked with the patient").CheckAsync();
        await desk.GetByLabel("Interpreter's name (if any)").FillAsync("Ana Ruiz");
        await desk.GetByLabel("Interpreter's language").FillAsync("Spanish");
        await desk.GetByLabel("Your password, to sign").FillAsync(password);
        await BrowserSite.FontsLoadedAsync(desk);
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("consent-countersign.png"), FullPage = true });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Countersign and seal" }).ClickAsync();
        await BrowserSite.ArriveAsync(desk, "**/consent#records");
        var records = desk.Locator("#records + ul li");
        Assert.Equal(1, await records.CountAsync());
        problems.AddRange(await BrowserSite.Axe(desk));

        var pdfUrl = await records.GetByRole(AriaRole.Link, new() { Name = "PDF" }).GetAttributeAsync("href");
        var clinicPdf = await (await desk.APIRequest.GetAsync(pdfUrl!)).BodyAsync();
        var text = PdfText.Read(clinicPdf);
        Assert.Contains("Lee Example", text, StringComparison.Ordinal);
        Assert.Contains("Interpreter: Ana Ruiz (Spanish)", text, StringComparison.Ordinal);
        var fhirUrl = await records.GetByRole(AriaRole.Link, new() { Name = "FHIR bundle" }).GetAttributeAsync("href");
        FhirValidation.AssertValid(await (await desk.APIRequest.GetAsync(fhirUrl!)).TextAsync());

        // The patient's page says it is complete and gives the patient's readable copy of the same record.
        await phone.ReloadAsync();
        Assert.Contains("Your consent is complete", await phone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await BrowserSite.Axe(phone));
        var patientPdf = await (await phone.APIRequest.GetAsync("/packet/consent.pdf")).BodyAsync();
        // The clinic's copy keeps the address and browser the signature came from; the patient's copy leaves them out.
        Assert.Contains("IP: 127.0.0.1", text, StringComparison.Ordinal);
        Assert.Contains("Mozilla", text, StringComparison.Ordinal);
        var mine = PdfText.Read(patientPdf);
        Assert.Contains("Consent to a procedure", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("IP: ", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Mozilla", mine, StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
