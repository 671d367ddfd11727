using System.Diagnostics;
using DecisionAid.Cli;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Outcomes;

/// <summary>
/// 100,000 packets made by `pda seed-demo`: the exports stream (the first rows arrive long before the last, and
/// the whole file is never built in memory), and `pda outcomes` counts them. SQLite here; bench/ measures both databases.
/// </summary>
public sealed class LargeExportTests
{
    [Fact]
    public async Task A_hundred_thousand_packets_export_as_a_stream_and_pda_outcomes_counts_them()
    {
        using var clinic = new SignedInClinic(Storage.Sqlite);
        var (lead, _) = await clinic.NewPracticeAsync("Lead Clinic");
        var keyFile = Path.Combine(TestFolders.NewTemp("pda-key"), "seal.key");
        await File.WriteAllTextAsync(keyFile, SiteFactory.SealKey, TestContext.Current.CancellationToken);
        string[] where = [.. clinic.Database.CliArgs(), "--seal-key-file", keyFile, "--content", TestFolders.ShippedContent()];
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(PdaCommand.Ok, PdaCommand.Run(["seed-demo", "--packets", "100000", .. where], output, error));
        Assert.Contains("generated 100,000 packets", output.ToString(), StringComparison.Ordinal);

        // The lead moves to the generated practice to read it.
        int expected, surveyed;
        await using (var db = clinic.Database.Open())
        {
            var demo = await db.Practices.SingleAsync(p => p.Slug == DecisionAid.Records.Outcomes.OutcomesSeed.Slug, TestContext.Current.CancellationToken);
            await db.Users.ExecuteUpdateAsync(u => u.SetProperty(c => c.IsLead, true).SetProperty(c => c.PracticeId, demo.Id), TestContext.Current.CancellationToken);
            expected = await db.Packets.CountAsync(p => p.PracticeId == demo.Id && p.AidId == "neurolysis", TestContext.Current.CancellationToken);
            // A packet whose patient began the post-visit survey has a second QuestionnaireResponse.
            surveyed = await db.Packets.CountAsync(p => p.PracticeId == demo.Id && p.AidId == "neurolysis"
                && db.PacketAnswers.Any(a => a.PacketId == p.Id && a.Kind == DecisionAid.Records.Packets.AnswerKinds.Survey), TestContext.Current.CancellationToken);
        }
        var query = $"aid=neurolysis&from={DateTime.UtcNow.AddDays(-200):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}";

        foreach (var (url, marker) in new[] { ($"/clinic/outcomes/packets.csv?{query}", "\n"), ($"/clinic/outcomes/responses.fhir.json?{query}", "\"resourceType\":\"QuestionnaireResponse\"") })
        {
            var clock = Stopwatch.StartNew();
            using var response = await lead.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            Assert.Null(response.Content.Headers.ContentLength); // streamed, not built first
            await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
            var buffer = new byte[1 << 16];
            var chars = new char[buffer.Length];
            // One decoder for the whole stream (a character split between reads stays whole), and the tail of each read
            // carried into the next, so a marker split between two reads is counted once.
            var decoder = System.Text.Encoding.UTF8.GetDecoder();
            var (count, carry) = (0, "");
            TimeSpan? firstBytes = null;
            for (int read; (read = await body.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0;)
            {
                firstBytes ??= clock.Elapsed;
                var chunk = carry + new string(chars, 0, decoder.GetChars(buffer, 0, read, chars, 0));
                var parts = chunk.Split(marker);
                count += parts.Length - 1;
                carry = parts[^1].Length > marker.Length ? parts[^1][^marker.Length..] : parts[^1];
            }
            var total = clock.Elapsed;
            // CsvHelper ends the last record without a line break (RFC 4180 allows either): it still counts as a line.
            if (marker == "\n" && !carry.EndsWith('\n') && carry.Length > 0) count++;
            Assert.Equal(marker == "\n" ? expected + 1 : expected + surveyed, count);
            // Streaming shows in the missing length and in many reads; the times are printed, never asserted (a busy machine would fail them).
            TestContext.Current.TestOutputHelper?.WriteLine($"{url}: {count:N0} items, first bytes after {firstBytes?.TotalMilliseconds:0} ms, all after {total.TotalMilliseconds:0} ms");
        }

        output.GetStringBuilder().Clear();
        Assert.Equal(PdaCommand.Ok, PdaCommand.Run(["outcomes", "neurolysis", "--since", DateTime.UtcNow.AddDays(-200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "--practice", DecisionAid.Records.Outcomes.OutcomesSeed.Slug, "--check", .. where], output, error));
        var summary = output.ToString();
        var sent = System.Text.RegularExpressions.Regex.Matches(summary, @"sent ([0-9,]+),").Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, sent);
        Assert.Contains("all right in the knowledge check:", summary, StringComparison.Ordinal);
        Assert.Contains("check: the kept counts equal the numbers computed from every packet and answer", summary, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(keyFile)!, recursive: true);
    }
}
