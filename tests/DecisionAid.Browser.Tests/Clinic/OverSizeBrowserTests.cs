using System.Net;
using Microsoft.Playwright;

namespace DecisionAid.Browser.Tests.Clinic;

/// <summary>Issue 15 item 10: an over-size logo or request is answered with its size and the limit, and nothing typed is lost.</summary>
public class OverSizeBrowserTests(BrowserSite site)
{
    [Fact]
    public async Task An_over_size_logo_is_refused_in_the_browser_with_its_size_and_the_typed_form_stays()
    {
        var (email, password, key) = await site.NewClinicianAsync("Size Clinic");
        var desk = await site.SignedInDeskAsync(email, password, key);
        await desk.GotoAsync("/clinic/practice");
        await desk.Locator("#pname").FillAsync("Typed Name Clinic");
        await desk.Locator("#logo").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = new byte[297 * 1024] });
        await Assertions.Expect(desk.Locator("#logo-problem")).ToHaveTextAsync("The logo is 297 KB; the limit is 200 KB. Choose a smaller picture.");
        // The browser holds the form back (the file input is invalid): still on the form, with what was typed.
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.False(await desk.Locator("#logo").EvaluateAsync<bool>("input => input.validity.valid"));
        Assert.EndsWith("/clinic/practice", desk.Url, StringComparison.Ordinal);
        await Assertions.Expect(desk.Locator("#pname")).ToHaveValueAsync("Typed Name Clinic");
        await Assertions.Expect(desk.Locator(".saved")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_request_over_the_servers_limit_gets_413_with_its_size_and_the_limit()
    {
        // Expect: 100-continue, so Kestrel answers before the 31 MB leave this machine: the test reads the answer
        // instead of racing a connection closed under a body still being sent.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(2) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(site.BaseUrl) };
        foreach (var (path, language, words) in new[]
        {
            ("/clinic/sign-in", "en", "What you sent is too large</h1>"),
            ("/es/neurolysis", "es", "Lo que envió es demasiado grande</h1>"),
        })
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[31_000_000]), "file", "big.bin" } };
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
            request.Headers.ExpectContinue = true;
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains(words, html, StringComparison.Ordinal);
            Assert.Contains(language == "en" ? "It is 31 MB; the limit is 30 MB." : "Pesa 31 MB y el límite es 30 MB.", html, StringComparison.Ordinal);
        }
    }
}
