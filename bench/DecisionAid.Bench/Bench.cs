using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using DecisionAid.Core.Loading;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering;
using DecisionAid.Rendering.Pdf;
using DecisionAid.Web.Api;
using DecisionAid.Web.Packets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Speed of the packets feature, each beside a baseline measured in the same run:
//   pdf [FILE]            one personalised PDF handout  vs  the same aid rendered as HTML (FILE keeps a copy)
//   api sqlite|postgres [seconds] [rounds] [clients]   packets created per second through POST /api/packets  vs  plain
//                         inserts of the same row, each by the same number of clients at once (defaults 8 s, 5, 8)
//   packet-links FOLDER KEY   makes the SQLite database in FOLDER (seal key KEY) with a neurolysis packet in each
//                         language and prints "link LANGUAGE PATH" for each patient link (bench/lighthouse.sh opens them)
//   audit sqlite|postgres [seconds] [practices] [patients]   patients of several practices viewing their packets
//                         (each view audited under the trail's one lock)  vs  the trail's own appends  vs  the same
//                         rows inserted with no lock and no chain
//   outcomes sqlite|postgres [packets,packets...]   the outcomes page over N generated packets (default 100,000)  vs  the bare
//                         aggregate SQL it runs, replayed straight on the database
// Loads only 127.0.0.1, for a bounded time. See bench/README.md.
internal static class BenchMain
{
    public static async Task<int> Main(string[] args) => (args.FirstOrDefault() ?? "pdf") switch
    {
        "pdf" => await Bench.Pdf(args.ElementAtOrDefault(1)),
        "api" => await Bench.Api(args.ElementAtOrDefault(1) ?? "sqlite", TimeSpan.FromSeconds(double.Parse(args.ElementAtOrDefault(2) ?? "8", CultureInfo.InvariantCulture)),
            int.Parse(args.ElementAtOrDefault(3) ?? "5", CultureInfo.InvariantCulture), int.Parse(args.ElementAtOrDefault(4) ?? "8", CultureInfo.InvariantCulture)),
        "packet-links" => await Bench.PacketLinks(args.ElementAtOrDefault(1), args.ElementAtOrDefault(2)),
        "audit" => await AuditBench.Run(args.ElementAtOrDefault(1) ?? "sqlite", TimeSpan.FromSeconds(double.Parse(args.ElementAtOrDefault(2) ?? "8", CultureInfo.InvariantCulture)),
            int.Parse(args.ElementAtOrDefault(3) ?? "8", CultureInfo.InvariantCulture), int.Parse(args.ElementAtOrDefault(4) ?? "32", CultureInfo.InvariantCulture)),
        "outcomes" => await OutcomesBench.Run(args.ElementAtOrDefault(1) ?? "sqlite",
            [.. (args.ElementAtOrDefault(2) ?? "100000,1000000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))]),
        _ => Bench.Usage(),
    };
}

internal static class Bench
{
    public static int Usage()
    {
        Console.Error.WriteLine("usage: DecisionAid.Bench pdf [FILE] | packet-links FOLDER KEY | audit sqlite|postgres [seconds] [practices] [patients] | api sqlite|postgres [seconds] [rounds] [clients] | outcomes sqlite|postgres [packets,packets...]");
        return 2;
    }

    public static async Task<int> Pdf(string? keep)
    {
        var content = Path.Combine(Root(), "content");
        var library = ContentLibrary.Load(content);
        var aid = library.Find("neurolysis")!;
        var risks = YourRisks.For(aid, new PacketChoices("intercostal", "heat", ["pacemaker", "blood-thinners"]));
        var brand = new DecisionAid.Rendering.Document.PracticeBrand("Bench Clinic", "555-0100", "555-0199", "1 Example Street");
        await using var renderer = new AidRenderer();
        for (var i = 0; i < 3; i++)
        {
            HandoutPdf.Render(aid, "en", brand, risks, "Bench Patient");
            await renderer.RenderStandaloneAsync(aid, "en");
        }
        if (keep is not null) await File.WriteAllBytesAsync(keep, HandoutPdf.Render(aid, "en", brand, risks, "Bench Patient"));
        // A new patient each time, as in a clinic: nothing about one handout is kept for the next but shared parts.
        var patient = 0;
        var pdf = Median(30, () => HandoutPdf.Render(aid, "en", brand, risks, $"Patient Núñez {++patient}"));
        var html = Median(30, () => renderer.RenderStandaloneAsync(aid, "en").GetAwaiter().GetResult());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"personalised PDF handout: {pdf:0.0} ms (median of 30)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline, the aid as HTML:  {html:0.0} ms (median of 30)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio PDF/HTML: {pdf / html:0.0}"));
        // The cost of a page: every aid's handout, from the shortest to the longest.
        Console.WriteLine("handout of each aid (English, median of 10): pages, ms, ms per page");
        foreach (var each in library.Aids)
        {
            var pages = Regex.Count(System.Text.Encoding.Latin1.GetString(HandoutPdf.Render(each, "en")), @"/Type\s*/Page\b");
            var ms = Median(10, () => HandoutPdf.Render(each, "en", brand, null, $"Patient {++patient}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {each.Id,-30} {pages,3} {ms,7:0.0} {ms / pages,6:0.0}"));
        }
        return 0;
    }

    /// <summary>The date of birth of every packet <see cref="PacketLinks"/> makes.</summary>
    public static readonly DateOnly BirthDate = new(1950, 1, 1);

    public static async Task<int> PacketLinks(string? folder, string? sealKey)
    {
        if (folder is null || sealKey is null) return Usage();
        await using var site = new Site(new() { ["Storage:DataFolder"] = folder, ["Consent:SealKey"] = sealKey, ["Logging:LogLevel:Default"] = "Warning" });
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
        var aid = scope.ServiceProvider.GetRequiredService<AidLibrary>().Find("neurolysis")!;
        var practice = new Practice { Id = Guid.NewGuid(), Slug = "bench", Name = "Bench Clinic", Phone = "555-0100", CreatedAt = DateTime.UtcNow };
        db.Practices.Add(practice);
        foreach (var language in aid.Languages)
        {
            var request = new NewPacket(aid.Id, language, "genicular", "heat", ["blood-thinners"], "Bench Patient", BirthDate, null);
            var (packet, token) = request.Create(aid, practice.Id, "bench", DateTime.UtcNow, TimeSpan.FromDays(1));
            db.Packets.Add(packet);
            Console.WriteLine($"link {language} /p/{token}");
        }
        await db.SaveChangesAsync();
        return 0;
    }

    public static async Task<int> Api(string provider, TimeSpan duration, int rounds, int clients)
    {
        var (settings, pgDatabase) = Settings(provider);
        await using var site = new Site(settings);
        site.UseKestrel(0);
        site.StartServer();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var practice = new Practice { Id = Guid.NewGuid(), Slug = "bench", Name = "Bench Clinic", CreatedAt = DateTime.UtcNow };
        const string key = "da_bench_key_for_the_throughput_run_only_0123456789";
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            db.Practices.Add(practice);
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), PracticeId = practice.Id, Name = "bench", KeyHash = PacketsApi.Hash(key), CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1) });
            await db.SaveChangesAsync();
        }
        var request = new NewPacket("neurolysis", "en", "genicular", "heat", ["blood-thinners"], "Bench Patient", new DateOnly(1950, 1, 1), null);
        var aid = site.Services.GetRequiredService<AidLibrary>().Find("neurolysis")!;
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add(PacketsApi.KeyHeader, key);
        static string Cpu(Throughput t) => string.Create(CultureInfo.InvariantCulture, $"{t.CpuMsEach:0.00} ms CPU each, cores {t.MachineBusy:0%} busy ({t.MachineMsEach:0.00} ms of all processes' CPU each)");

        // Round 0 warms up and is not counted: a phase's first seconds run code the JIT has not optimised yet (tier 0),
        // which cost the API 2.5 times the CPU per packet of the rounds after it (and the 404 and the inserts alike).
        // Then rounds of the three phases in turn, so a machine that slows down part way through (other tenants)
        // weighs on the API and its baseline alike; the verdict is the median round's ratio.
        var ratios = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var inserts = await Measure(duration, clients, async _ =>
            {
                using var scope = site.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
                db.Packets.Add(request.Create(aid, practice.Id, "bench", DateTime.UtcNow, TimeSpan.FromDays(14)).Packet);
                await db.SaveChangesAsync();
            });
            var api = await Measure(duration, clients, async _ =>
            {
                using var response = await http.PostAsJsonAsync("/api/packets", request);
                if ((int)response.StatusCode != 201) throw new InvalidOperationException($"the API answered {(int)response.StatusCode}");
            });
            // The floor of any API call on this machine: the same request sent by the same clients to an address with no
            // endpoint (HTTP, the body, routing and a 404; no key, no database, no QR code).
            var floor = await Measure(duration, clients, async _ =>
            {
                using var response = await http.PostAsJsonAsync("/api/no-such-endpoint", request);
                if ((int)response.StatusCode != 404) throw new InvalidOperationException($"the site answered {(int)response.StatusCode}");
            });
            var tag = round == 0 ? $"{provider} warm-up (not counted)" : $"{provider} round {round}/{rounds}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag}: packets through POST /api/packets: {api.PerSecond:0} per second ({clients} clients, {duration.TotalSeconds:0} s), {Cpu(api)}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag}: baseline, plain inserts of the same row: {inserts.PerSecond:0} per second, {Cpu(inserts)}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag}: ratio API/insert: {api.PerSecond / inserts.PerSecond:0.00}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag}: the API's CPU per packet allows at most {api.Ceiling:0} per second on {Environment.ProcessorCount} cores: ratio {api.Ceiling / inserts.PerSecond:0.00} at best"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag}: the same request to no endpoint (404): {floor.PerSecond:0} per second, {Cpu(floor)}; API/that: {api.PerSecond / floor.PerSecond:0.00}"));
            if (round > 0) ratios.Add(api.PerSecond / inserts.PerSecond);
        }
        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: ratio API/insert, median of {rounds} rounds: {ratios[rounds / 2]:0.00} (rounds: {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})"));
        if (pgDatabase is not null) Npgsql.NpgsqlConnection.ClearAllPools();
        return 0;
    }

    /// <summary>A fresh database for one run: a temp SQLite folder, or a new database on the PostgreSQL that bench scripts start.</summary>
    public static (Dictionary<string, string?> Settings, string? PostgresDatabase) Settings(string provider)
    {
        var settings = new Dictionary<string, string?> { ["Consent:SealKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) };
        if (provider != "postgres")
        {
            settings["Storage:DataFolder"] = Directory.CreateTempSubdirectory("pda-bench").FullName;
            return (settings, null);
        }
        var server = Environment.GetEnvironmentVariable("DECISIONAID_TEST_POSTGRES")
            ?? throw new InvalidOperationException("start PostgreSQL first: export DECISIONAID_TEST_POSTGRES=$(scripts/postgres.sh start)");
        var database = $"bench_{Guid.NewGuid():N}";
        settings["Storage:Provider"] = Storage.Postgres;
        settings["ConnectionStrings:DecisionAid"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        return (settings, database);
    }

    public static double Median(int runs, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[runs / 2];
    }

    /// <summary>Each of <paramref name="workers"/> runs its work (given its own number) again and again for the time;
    /// the rate of all of them together.</summary>
    public static async Task<double> ForDuration(TimeSpan duration, int workers, Func<int, Task> work) =>
        (await Measure(duration, workers, work)).PerSecond;

    /// <summary>
    /// Operations per second; the CPU time of this whole process (server and clients) per operation; and how busy
    /// the machine's cores were (all processes, /proc/stat; NaN elsewhere). <see cref="Ceiling"/> is the most
    /// operations a second this process's CPU per operation allows with every core its own: an upper bound.
    /// </summary>
    public readonly record struct Throughput(double PerSecond, double CpuMsEach, double MachineBusy)
    {
        public double Ceiling => Environment.ProcessorCount * 1000.0 / CpuMsEach;

        /// <summary>The CPU time of every process (a database server's too) per operation.</summary>
        public double MachineMsEach => MachineBusy * Environment.ProcessorCount * 1000.0 / PerSecond;
    }

    public static async Task<Throughput> Measure(TimeSpan duration, int workers, Func<int, Task> work)
    {
        var done = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var machine = MachineTicks();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            while (watch.Elapsed < duration)
            {
                await work(worker);
                Interlocked.Increment(ref done);
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var after = MachineTicks();
        var busy = machine is { } b && after is { } a && a.Total > b.Total ? (double)(a.Busy - b.Busy) / (a.Total - b.Total) : double.NaN;
        return new Throughput(done / seconds, cpuMs / done, busy);
    }

    /// <summary>The machine's busy and total CPU ticks since boot (first line of /proc/stat; idle and iowait are not busy).</summary>
    private static (long Busy, long Total)? MachineTicks()
    {
        if (!File.Exists("/proc/stat")) return null;
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var total = ticks.Sum();
        return (total - ticks[3] - ticks[4], total);
    }

    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DecisionAid.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }

    public sealed class Site(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(Path.Combine(Root(), "src", "DecisionAid.Web"));
            foreach (var (k, v) in settings) builder.UseSetting(k, v);
        }
    }
}
