using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Packets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Every view of a packet appends to the audit trail under one lock for the whole database (issue 18 asks whether it
/// holds patients back). In one run, on the same database kind:
///   1. patients of several practices, each signed in on their own link, load their packet page at once;
///   2. the same number of writers append packet.view entries straight to the trail (its lock and chain alone);
///   3. the baseline: the same rows inserted with no lock and no chain, in a database of their own.
/// If the views' rate is well under the trail's own, the lock is not what holds a view back.
/// </summary>
internal static class AuditBench
{
    public static async Task<int> Run(string provider, TimeSpan duration, int practices, int patients)
    {
        var (settings, pgDatabase) = Bench.Settings(provider);
        settings["RateLimits:AttemptsPerMinute"] = "100000"; // one address opens every link
        settings["Logging:LogLevel:Default"] = "Warning";
        await using var site = new Bench.Site(settings);
        site.UseKestrel(0);
        site.StartServer();
        var address = new Uri(site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var packets = new List<(Guid Practice, Guid Packet, string Token)>();
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            var aid = scope.ServiceProvider.GetRequiredService<AidLibrary>().Find("neurolysis")!;
            var practiceIds = Enumerable.Range(0, practices).Select(i =>
            {
                var practice = new Practice { Id = Guid.NewGuid(), Slug = $"bench-{i}", Name = $"Bench Clinic {i}", CreatedAt = DateTime.UtcNow };
                db.Practices.Add(practice);
                return practice.Id;
            }).ToList();
            for (var i = 0; i < patients; i++)
            {
                var request = new NewPacket(aid.Id, "en", "genicular", "heat", ["blood-thinners"], $"Patient {i}", Bench.BirthDate, null);
                var (packet, token) = request.Create(aid, practiceIds[i % practices], "bench", DateTime.UtcNow, TimeSpan.FromDays(1));
                db.Packets.Add(packet);
                packets.Add((packet.PracticeId, packet.Id, token));
            }
            await db.SaveChangesAsync();
        }

        var phones = await Task.WhenAll(packets.Select(p => OpenAsync(address, p.Token)));
        await Task.WhenAll(phones.Select(p => p.GetStringAsync("/packet"))); // warm up
        var views = await Bench.ForDuration(duration, patients, async i =>
        {
            using var response = await phones[i].GetAsync("/packet");
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"/packet answered {(int)response.StatusCode}");
            await response.Content.ReadAsByteArrayAsync();
        });

        var appends = await Bench.ForDuration(duration, patients, async i =>
        {
            using var scope = site.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>()
                .SaveAsync(new AuditEvent(AuditActions.PacketViewed, AuditActions.Patient, packets[i].Practice, packets[i].Packet));
        });

        // The baseline: the same rows, numbered from a counter, no lock taken and no previous hash read.
        var (plainSettings, plainDatabase) = Bench.Settings(provider);
        await using var plain = new Bench.Site(plainSettings);
        long seq = 0;
        var inserts = await Bench.ForDuration(duration, patients, async i =>
        {
            using var scope = plain.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            db.AuditEntries.Add(new AuditEntry
            {
                Seq = Interlocked.Increment(ref seq), At = DateTime.UtcNow, Action = AuditActions.PacketViewed, Actor = AuditActions.Patient,
                PracticeId = packets[i].Practice, PacketId = packets[i].Packet, Ip = "127.0.0.1", PreviousHash = AuditTrail.Genesis, Hash = new string('0', 64),
            });
            await db.SaveChangesAsync();
        });

        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            var key = scope.ServiceProvider.GetRequiredService<DecisionAid.Records.Consent.SealKey>();
            var report = await DecisionAid.Records.Audit.AuditVerification.RunAsync(db, key);
            if (!report.Intact) throw new InvalidOperationException($"the audit chain is not intact: {report.Problem}");
        }

        string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine(Line($"{provider}: packet page views: {views:0} per second ({patients} patients of {practices} practices, each view audited, {duration.TotalSeconds:0} s)"));
        Console.WriteLine(Line($"{provider}: audit appends alone: {appends:0} per second ({patients} writers, one lock, chained)"));
        Console.WriteLine(Line($"{provider}: baseline, the same rows with no lock and no chain: {inserts:0} per second"));
        Console.WriteLine(Line($"{provider}: ratio appends/plain inserts: {appends / inserts:0.00}; views use {views / appends:0.00} of what the trail can take"));
        foreach (var phone in phones) phone.Dispose();
        if (pgDatabase is not null || plainDatabase is not null) Npgsql.NpgsqlConnection.ClearAllPools();
        return 0;
    }

    /// <summary>A patient's phone: the link, then the date of birth; its cookie then opens /packet.</summary>
    private static async Task<HttpClient> OpenAsync(Uri address, string token)
    {
        // The site's cookies are Secure; on this plain loopback address they are carried by hand, as a browser would
        // over TLS.
        var phone = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        using var page = await phone.GetAsync($"/p/{token}");
        var form = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var fields = form.QuerySelectorAll("form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["BirthDate"] = Bench.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/p/{token}") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", Cookies(page));
        using var answer = await phone.SendAsync(post);
        if (answer.Headers.Location?.OriginalString != "/packet") throw new InvalidOperationException($"the link did not open the packet ({(int)answer.StatusCode})");
        phone.DefaultRequestHeaders.Add("Cookie", Cookies(answer));
        return phone;
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
}
