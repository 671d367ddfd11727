using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DecisionAid.Web.Library;

/// <summary>
/// The public pages (the output-cache policy <see cref="PublicPageSpeed.PublicPagePolicy"/>: pure renderings of
/// immutable content) kept in memory already compressed (Brotli and gzip) and sent from the front of the pipeline
/// like a static file: compressing a 50 kB page for every reader was most of its cost.
/// - Only a GET or HEAD with no cookie and no credentials is served or kept, so nobody's own view is ever shared, and
///   only a 200 that sets no cookie and is not private is kept.
/// - Only the query the pages read (the list's search, <c>q</c>) is part of a key; a request with any other query is
///   not kept, so made-up queries cannot fill the memory. At most <see cref="MaxEntries"/> pages are kept; when full,
///   expired ones make room and otherwise new ones are simply not kept (the kept ones stay).
/// - Compression is quick (Brotli 5, about 2 ms for the aid page): a page not kept costs what it did before.
/// - An entry lives as long as the output cache's (10 minutes); a brand change drops them all, and a page rendered
///   before that drop is not kept after it.
/// </summary>
public sealed class PrecompressedPages(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int MaxEntries = 1000; // pages × languages × brands × hosts
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.Date, HeaderNames.Server,
        HeaderNames.TransferEncoding, HeaderNames.SetCookie, HeaderNames.Vary, HeaderNames.Age,
    };

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation; // bumped by Clear: a page rendered before a clear is not kept after it

    /// <summary>Forgets every page (a practice's brand changed).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>How many pages are kept (for tests and the bound).</summary>
    public int Count => _entries.Count;

    /// <summary>Before routing: a kept page is sent at once. Only public pages are ever kept, so the key alone says
    /// this request is for one.</summary>
    public Task ServeKeptAsync(HttpContext context, RequestDelegate next) =>
        Key(context.Request) is { } key && _entries.TryGetValue(key, out var entry) && entry.Expires > clock.GetUtcNow()
            ? SendAsync(context, entry)
            : next(context);

    /// <summary>After routing, before compression: a public page not kept yet is rendered once without compression,
    /// then kept in each encoding.</summary>
    public async Task KeepAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || Key(request) is not { } key || !HasRoom()
            || context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName != PublicPageSpeed.PublicPagePolicy)
        {
            await next(context);
            return;
        }
        var generation = Interlocked.Read(ref _generation);
        var now = clock.GetUtcNow();
        // Rendered once without compression, then kept in each encoding.
        var acceptEncoding = request.Headers.AcceptEncoding;
        request.Headers.AcceptEncoding = StringValues.Empty;
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            request.Headers.AcceptEncoding = acceptEncoding;
        }
        var response = context.Response;
        // As the output cache would: a 200 that sets no cookie and is not marked private. Anything else (a 404) goes
        // out as it came, uncompressed.
        var cacheControl = response.Headers.CacheControl.ToString();
        var keep = response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie)
            && !cacheControl.Contains("private", StringComparison.Ordinal) && !cacheControl.Contains("no-store", StringComparison.Ordinal);
        if (!keep)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
            return;
        }
        var entry = Entry.From(response, buffer.ToArray(), now + Lifetime);
        if (Interlocked.Read(ref _generation) == generation) _entries[key] = entry;
        response.Headers.ContentLength = null;
        await SendAsync(context, entry);
    }

    /// <summary>Room for one more page: when full, expired pages go first; the kept ones are never pushed out.</summary>
    private bool HasRoom()
    {
        if (_entries.Count < MaxEntries) return true;
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _entries)
            if (entry.Expires <= now) _entries.TryRemove(key, out _);
        return _entries.Count < MaxEntries;
    }

    /// <summary>
    /// The key of a request that may get a kept page: a GET or HEAD with no cookie and no credentials (nobody's own
    /// view), whose query is nothing or the search alone. Null for any other request.
    /// </summary>
    private static string? Key(HttpRequest request)
    {
        if ((!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) || request.Headers.Cookie.Count > 0
            || request.Headers.Authorization.Count > 0)
            return null;
        var query = request.Query;
        if (query.Count > 1 || (query.Count == 1 && !query.ContainsKey("q"))) return null;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{query["q"]}";
    }

    private static Task SendAsync(HttpContext context, Entry entry)
    {
        var request = context.Request;
        var response = context.Response;
        foreach (var (name, value) in entry.Headers) response.Headers[name] = value;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (entry.ETag is { } etag && ETags.Matches(request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        var (encoding, bytes) = Choose(request.Headers.AcceptEncoding, entry);
        response.StatusCode = StatusCodes.Status200OK;
        if (encoding is not null) response.Headers.ContentEncoding = encoding;
        response.ContentLength = bytes.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    /// <summary>Brotli when the reader takes it, else gzip, else the page as it is (a "q=0" refuses an encoding).</summary>
    private static (string? Encoding, byte[] Bytes) Choose(StringValues acceptEncoding, Entry entry)
    {
        var header = acceptEncoding.ToString();
        if (header.Length == 0) return (null, entry.Plain);
        // Browsers send a plain list ("gzip, deflate, br, zstd"); only a list with weights needs parsing.
        var weighted = header.Contains(';', StringComparison.Ordinal);
        var offered = weighted && StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var list) ? list : [];
        bool Takes(string name) => weighted
            ? offered.Any(e => e.Value.Equals(name, StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0)
            : header.Split(',').Any(e => e.Trim().Equals(name, StringComparison.OrdinalIgnoreCase));
        if (Takes("br")) return ("br", entry.Brotli);
        if (Takes("gzip")) return ("gzip", entry.Gzip);
        return (null, entry.Plain);
    }

    private sealed record Entry(KeyValuePair<string, StringValues>[] Headers, string? ETag, byte[] Plain, byte[] Brotli, byte[] Gzip, DateTimeOffset Expires)
    {
        public static Entry From(HttpResponse response, byte[] plain, DateTimeOffset expires)
        {
            var headers = response.Headers.Where(h => !NotReplayed.Contains(h.Key)).ToArray();
            return new Entry(headers, response.Headers.ETag.Count > 0 ? response.Headers.ETag.ToString() : null, plain, CompressBrotli(plain), CompressGzip(plain), expires);
        }

        private static byte[] CompressBrotli(byte[] plain)
        {
            var output = new byte[BrotliEncoder.GetMaxCompressedLength(plain.Length)];
            // Quality 5: within 15% of the best size at 2 ms rather than 120 ms, so making an entry costs no more than
            // compressing one response did.
            if (!BrotliEncoder.TryCompress(plain, output, out var written, quality: 5, window: 22))
                throw new InvalidOperationException("Brotli could not compress a page");
            return output[..written];
        }

        private static byte[] CompressGzip(byte[] plain)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(plain);
            return output.ToArray();
        }
    }
}
