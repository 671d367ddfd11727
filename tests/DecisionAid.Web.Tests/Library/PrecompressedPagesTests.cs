using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using DecisionAid.Web.Library;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Web.Tests.Library;

/// <summary>The public pages are kept compressed in memory and sent like static files (issue 18's throughput).</summary>
public class PrecompressedPagesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.Factory.Client();

    private async Task<HttpResponseMessage> Get(string url, string? acceptEncoding, Action<HttpRequestMessage>? more = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        more?.Invoke(request);
        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<byte[]> Decoded(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Stream? decoder = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
            null => null,
            var other => throw new InvalidOperationException($"unexpected encoding {other}"),
        };
        if (decoder is null) return bytes;
        using var plain = new MemoryStream();
        await using (decoder) await decoder.CopyToAsync(plain);
        return plain.ToArray();
    }

    [Theory]
    [InlineData("/es/aids/neurolysis")]
    [InlineData("/en/")]
    [InlineData("/en/?q=nerve")]
    public async Task A_public_page_is_the_same_page_in_every_encoding_with_its_security_headers(string url)
    {
        var plain = await Get(url, null);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var page = await plain.Content.ReadAsByteArrayAsync();
        foreach (var (accept, expected) in new[] { ("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("br;q=0, gzip;q=0.8", "gzip"), ("identity", null) })
        {
            // Twice: the first may render the page, the second is sent from memory.
            for (var i = 0; i < 2; i++)
            {
                var response = await Get(url, accept);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
                Assert.Equal(page, await Decoded(response));
                Assert.Contains("Accept-Encoding", response.Headers.Vary);
                Assert.Equal(SecurityHeadersValue, response.Headers.GetValues("Content-Security-Policy").Single());
                Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
                Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            }
        }
    }

    private static string SecurityHeadersValue => DecisionAid.Web.Security.SecurityHeaders.ContentSecurityPolicy;

    [Fact]
    public async Task A_kept_page_answers_304_to_its_etag_and_head_without_a_body()
    {
        var first = await Get("/en/aids/nerve-block", "br");
        var etag = first.Headers.ETag!;
        var again = await Get("/en/aids/nerve-block", "br", r => r.Headers.TryAddWithoutValidation("If-None-Match", $"\"an-older-one\", {etag}"));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        var head = await Get("/en/aids/nerve-block", "br", method: HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(first.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_reader_with_a_cookie_gets_the_page_made_for_them_not_the_kept_one()
    {
        // The kept Brotli is made once at the best level; a page made for one reader is compressed on the fly, faster
        // and larger: the size tells which one was sent.
        var kept = await (await Get("/en/aids/neurolysis", "br")).Content.ReadAsByteArrayAsync();
        Assert.Equal(kept.Length, (await (await Get("/en/aids/neurolysis", "br")).Content.ReadAsByteArrayAsync()).Length);
        var own = await Get("/en/aids/neurolysis", "br", r => r.Headers.Add("Cookie", "reader=1"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var ownBytes = await own.Content.ReadAsByteArrayAsync();
        Assert.True(ownBytes.Length > kept.Length, $"{ownBytes.Length} bytes made for the reader, {kept.Length} kept");
        Assert.Equal(await Decoded(await Get("/en/aids/neurolysis", null)), await Decoded(own));
    }

    [Fact]
    public async Task Made_up_queries_are_never_kept_so_they_cannot_fill_the_memory()
    {
        var pages = site.Factory.Services.GetRequiredService<PrecompressedPages>();
        Assert.Equal(HttpStatusCode.OK, (await Get("/en/aids/epidural-steroid-injection", "br")).StatusCode);
        var kept = pages.Count;
        for (var i = 0; i < 20; i++)
        {
            var response = await Get($"/en/aids/epidural-steroid-injection?utm={Guid.NewGuid():N}", "br");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("br", response.Content.Headers.ContentEncoding.Single()); // still compressed, as any page
        }
        Assert.Equal(kept, pages.Count);
        // The search is what the list reads from its query: each search is kept.
        await Get("/en/?q=pain", "br");
        Assert.Equal(kept + 1, pages.Count);
    }

    [Fact]
    public async Task A_page_kept_from_the_output_cache_does_not_carry_its_age()
    {
        var pages = site.Factory.Services.GetRequiredService<PrecompressedPages>();
        await Get("/es/aids/vertebral-augmentation", "br"); // rendered, output-cached and kept
        pages.Clear();
        await Get("/es/aids/vertebral-augmentation", "br"); // from the output cache, kept again
        var kept = await Get("/es/aids/vertebral-augmentation", "br");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Null(kept.Headers.Age);
    }

    [Fact]
    public async Task Pages_with_patient_data_are_never_kept()
    {
        // The sign-in page carries a fresh anti-forgery token each time: never one reader's copy for another.
        var first = await (await Get("/clinic/sign-in", "br")).Content.ReadAsByteArrayAsync();
        var second = await (await Get("/clinic/sign-in", "br")).Content.ReadAsByteArrayAsync();
        Assert.NotEqual(first, second);
        var packet = await Get("/packet", "br");
        Assert.NotEqual(HttpStatusCode.OK, packet.StatusCode);
    }
}
