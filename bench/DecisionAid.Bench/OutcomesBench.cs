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
/// The outcomes page for one aid over many packets, against its own SQL: while the page renders once, every
/// command it sends to the database about packets is recorded (EF Core's diagnostic events); the baseline replays
/// exactly those commands with their parameters on a plain connection and reads every row. The ratio is the page's
/// time over the bare queries' time, both medians of the same run.
/// </summary>
internal static class OutcomesBench
{
    private const string Password = "bench password that is long enough";

    public static async Task<int> Run(string provider, int packets)
    {
        var (settings, pgDatabase) = Bench.Settings(provider);
        await using var site = new Bench.Site(settings);
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        string key;
        Guid practiceId;
        string connection;
        var clock = Stopwatch.StartNew();
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            connection = db.Database.GetConnectionString()!;
            var practice = new Practice { Id = Guid.NewGuid(), Slug = "bench-outcomes", Name = "Bench Outcomes", CreatedAt = DateTime.UtcNow };
            practiceId = practice.Id;
            db.Practices.Add(practice);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Clinician>>();
            var lead = new Clinician { UserName = "lead@bench.example", Email = "lead@bench.example", DisplayName = "Lead", PracticeId = practice.Id, IsLead = true };
            await users.CreateAsync(lead, Password);
            await users.ResetAuthenticatorKeyAsync(lead);
            key = (await users.GetAuthenticatorKeyAsync(lead))!;
            await users.SetTwoFactorEnabledAsync(lead, true);
            await OutcomesSeed.RunAsync(db, scope.ServiceProvider.GetRequiredService<AidLibrary>().Aids, scope.ServiceProvider.GetRequiredService<SealKey>(),
                packets, DateTime.UtcNow, seed: 1, into: practice.Id);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: generated {packets:N0} packets in {clock.Elapsed.TotalSeconds:0} s"));
        await SignInAsync(client, key);

        var url = $"/clinic/outcomes?aid=neurolysis&from={DateTime.UtcNow.AddDays(-200):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}";
        var commands = new List<(string Text, List<(string Name, object? Value)> Parameters)>();
        using (DiagnosticListener.AllListeners.Subscribe(new Recorder(commands)))
        {
            var page = await client.GetAsync(url);
            if (!page.IsSuccessStatusCode) throw new InvalidOperationException($"the outcomes page answered {(int)page.StatusCode}");
        }
        var queries = commands.Where(c => c.Text.Contains("\"Packets\"", StringComparison.Ordinal)).ToList();
        for (var i = 0; i < 2; i++) await client.GetStringAsync(url); // warm
        var pageTime = Bench.Median(9, () => client.GetStringAsync(url).GetAwaiter().GetResult());
        var sqlTime = Bench.Median(9, () => Replay(provider, connection, queries));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: outcomes page for neurolysis over {packets:N0} packets: {pageTime:0} ms (median of 9)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: baseline, its {queries.Count} aggregate SQL commands replayed bare: {sqlTime:0} ms (median of 9)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: ratio page/SQL: {pageTime / sqlTime:0.00} (goal: under 1.5)"));
        if (pgDatabase is not null) Npgsql.NpgsqlConnection.ClearAllPools();
        return 0;
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
    private sealed class Recorder(List<(string, List<(string, object?)>)> commands) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(this);
        }

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
