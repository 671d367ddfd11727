namespace DecisionAid.Browser.Tests.Aids;

/// <summary>Issue 17 item 11: pages load every part they ask for (no 404 for a favicon or anything else) in both languages.</summary>
public class NoFailedRequestsBrowserTests(BrowserSite site)
{
    [Fact]
    public async Task The_start_pages_an_aid_and_the_sign_in_page_ask_for_nothing_that_fails()
    {
        var page = await site.NewPage();
        var failed = new List<string>();
        page.Response += (_, response) => { if (response.Status >= 400) failed.Add($"{response.Status} {response.Url}"); };
        page.RequestFailed += (_, request) => failed.Add($"failed {request.Url}");
        page.Console += (_, message) => { if (message.Type == "error") failed.Add($"console: {message.Text}"); };
        foreach (var path in new[] { "/en/", "/es/", "/en/aids/neurolysis", "/es/aids/epidural-steroid-injection", "/clinic/sign-in" })
        {
            await page.GotoAsync(path);
            // The icon is fetched after the load event; wait for that request itself.
            var icon = await page.EvaluateAsync<string>("() => document.querySelector('link[rel=icon]').href");
            var answer = await page.APIRequest.GetAsync(icon);
            Assert.Equal(200, answer.Status);
            Assert.Equal("image/svg+xml", answer.Headers["content-type"]);
        }
        Assert.Empty(failed);
    }
}
