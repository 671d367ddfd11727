using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Consent;
using DecisionAid.Web.Library;
using DecisionAid.Web.Outcomes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The outcomes page for one aid as the packets grow (default 100,000 then 1,000,000, generated into one practice):
/// at each size, the page over HTTP against two baselines measured in the same run. While the page renders once,
/// every command it sends to the database is recorded (EF Core's diagnostic events); "its SQL" replays exactly those
/// that read the kept counts, with their parameters, on a plain connection. "The records' SQL" replays the grouped
/// queries that compute the same numbers from every packet and answer (<see cref="OutcomesQuery.FromRecordsAsync"/>),
/// the best bare query without kept counts. The page's numbers are checked equal to the records' at every size.
/// </summary>
internal static class OutcomesBench
{
    private const string Password = "bench password that is long enough";

    public static async Task<int> Run(string provider, IReadOnlyList<int> sizes)
    {
        var (settings, pgDatabase) = Bench.Settings(provider);
        await using var site = new Bench.Site(settings);
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        string key;
        Guid practiceId;
        string connection;
        var now = DateTime.UtcNow;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            connection = db.Database.GetConnectionString()!;
            var practice = new Practice { Id = Guid.NewGuid(), Slug = "bench-outcomes", Name = "Bench Outcomes", CreatedAt = now };
            practiceId = practice.Id;
            db.Practices.Add(practice);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Clinician>>();
            var lead = new Clinician { UserName = "lead@bench.example", Email = "lead@bench.example", DisplayName = "Lead", PracticeId = practice.Id, IsLead = true };
            await users.CreateAsync(lead, Password);
            await users.ResetAuthenticatorKeyAsync(lead);
            key = (await users.GetAuthenticatorKeyAsync(lead))!;
            await users.SetTwoFactorEnabledAsync(lead, true);
        }
        await SignInAsync(client, key);
        var aid = site.Services.GetRequiredService<AidLibrary>().Aids.Single(a => a.Id == "neurolysis");
        var archive = site.Services.GetRequiredService<AidArchive>();
        var filter = new OutcomesFilter(practiceId, aid.Id, DateOnly.FromDateTime(now.AddDays(-200)), DateOnly.FromDateTime(now));
        var url = $"/clinic/outcomes?aid={aid.Id}&from={filter.From:yyyy-MM-dd}&to={filter.To:yyyy-MM-dd}";
        string Line(FormattableString text) => $"{provider}: {string.Create(CultureInfo.InvariantCulture, $"{text}")}";

        var made = 0;
        var pages = new List<(int Packets, double Page)>();
        foreach (var size in sizes.Order())
        {
            var clock = Stopwatch.StartNew();
            using (var scope = site.Services.CreateScope())
            {
                // Each step adds to the same practice, with a seed of its own so no packet repeats.
                var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
                await OutcomesSeed.RunAsync(db, site.Services.GetRequiredService<AidLibrary>().Aids, scope.ServiceProvider.GetRequiredService<SealKey>(),
                    size - made, now, seed: made + 1, into: practiceId);
            }
            int ofAid;
            using (var scope = site.Services.CreateScope())
                ofAid = await scope.ServiceProvider.GetRequiredService<DecisionAidDb>().Packets.CountAsync(p => p.PracticeId == practiceId && p.AidId == aid.Id);
            Console.WriteLine(Line($"generated {size - made:N0} more packets ({size:N0} in all, {ofAid:N0} of them {aid.Id}) in {clock.Elapsed.TotalSeconds:0} s"));
            made = size;

            var pageCommands = Record(() => client.GetAsync(url).GetAwaiter().GetResult().EnsureSuccessStatusCode());
            var countQueries = pageCommands.Where(c => c.Text.Contains("\"OutcomeCounts\"", StringComparison.Ordinal)).ToList();
            string kept = "", records = "";
            var recordQueries = Record(() =>
            {
                using var scope = site.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
                records = OutcomesQuery.Canonical(OutcomesQuery.FromRecordsAsync(db, filter, aid, archive).GetAwaiter().GetResult());
            });
            using (var scope = site.Services.CreateScope())
                kept = OutcomesQuery.Canonical(await OutcomesQuery.RunAsync(scope.ServiceProvider.GetRequiredService<DecisionAidDb>(), filter, aid, archive));
            if (kept != records) throw new InvalidOperationException($"the kept counts differ from the records at {size:N0} packets");

            for (var i = 0; i < 2; i++) await client.GetStringAsync(url); // warm
            var pageTime = Bench.Median(9, () => client.GetStringAsync(url).GetAwaiter().GetResult());
            var countsTime = Bench.Median(9, () => Replay(provider, connection, countQueries));
            var recordsTime = Bench.Median(3, () => Replay(provider, connection, recordQueries));
            pages.Add((size, pageTime));
            var goal = provider == "postgres" ? 300 : 1000;
            Console.WriteLine(Line($"outcomes page for neurolysis over {size:N0} packets: {pageTime:0.0} ms (median of 9; goal at 1,000,000: {goal} ms); its numbers equal the records'"));
            Console.WriteLine(Line($"  its SQL ({countQueries.Count} command reading the kept counts) replayed bare: {countsTime:0.0} ms (median of 9); page/its SQL: {pageTime / countsTime:0.00}"));
            Console.WriteLine(Line($"  the records' SQL ({recordQueries.Count} grouped queries over every packet and answer) replayed bare: {recordsTime:0} ms (median of 3); page/records' SQL: {pageTime / recordsTime:0.000}"));
        }
        if (pages.Count > 1)
            Console.WriteLine(Line($"growth: {pages[^1].Packets / (double)pages[0].Packets:0.#} times the packets, {pages[^1].Page / pages[0].Page:0.00} times the page's time"));
        if (pgDatabase is not null) Npgsql.NpgsqlConnection.ClearAllPools();
        return 0;
    }

    /// <summary>The commands EF Core sends while the action runs, with their parameters.</summary>
    private static List<(string Text, List<(string Name, object? Value)> Parameters)> Record(Action action)
    {
        var commands = new List<(string Text, List<(string Name, object? Value)> Parameters)>();
        using var recorder = new Recorder(commands);
        using (DiagnosticListener.AllListeners.Subscribe(recorder))
        {
            // EF Core caches for a second whether anyone listens (its LoggingCacheTime), and a pooled context keeps that
            // cache between requests: without this wait a page read just after subscribing went unrecorded.
            Thread.Sleep(TimeSpan.FromSeconds(1.5));
            action();
        }
        if (commands.Count == 0) throw new InvalidOperationException("no EF Core command was recorded: the replayed baselines would be empty");
        return commands;
    }

    private static void Replay(string provider, string connectionString, List<(string Text, List<(string Name, object? Value)> Parameters)> queries)
    {
        using DbConnection connection = provider == "postgres" ? new Npgsql.NpgsqlConnection(connectionString) : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        connection.Open();
        foreach (var (text, parameters) in queries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = text;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            }
        }
    }

    private static async Task SignInAsync(HttpClient client, string key)
    {
        async Task<HttpResponseMessage> Post(string path, Dictionary<string, string> fields)
        {
            var html = await client.GetStringAsync(path);
            fields["__RequestVerificationToken"] = new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await client.PostAsync(path, new FormUrlEncodedContent(fields));
        }
        await Post("/clinic/sign-in", new() { ["Email"] = "lead@bench.example", ["Password"] = Password });
        var done = await Post("/clinic/two-factor", new() { ["Code"] = DecisionAid.Testing.Totp.Code(key) });
        if (done.Headers.Location?.OriginalString != "/clinic/") throw new InvalidOperationException("the bench could not sign in");
    }

    /// <summary>Records the text and parameters of every command EF Core executes while subscribed.</summary>
    private sealed class Recorder(List<(string, List<(string, object?)>)> commands) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) _subscriptions.Add(listener.Subscribe(this));
        }

        /// <summary>Stops listening to EF Core, so a later recording or timing carries no earlier recorder.</summary>
        public void Dispose() => _subscriptions.ForEach(s => s.Dispose());

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData data) return;
            lock (commands)
                commands.Add((data.Command.CommandText, [.. data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
