using DecisionAid.Core.Loading;
using DecisionAid.Core.Standards;
using DecisionAid.Core.Tests.Loading;

namespace DecisionAid.Core.Tests.Standards;

public class DossierTests
{
    private static readonly ContentLibrary Shipped = ContentLibrary.Load(TestFolders.ShippedContent());

    public static TheoryData<string> ShippedAids()
    {
        var data = new TheoryData<string>();
        foreach (var aid in Shipped.Aids) data.Add(aid.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedAids))]
    public void Every_shipped_aid_passes_every_item_a_machine_can_judge(string aidId)
    {
        var dossier = Dossier.Build(Shipped.Find(aidId)!);
        var failed = dossier.Entries.Where(e => e.Verdict == Verdict.Fail).Select(e => $"{e.Item.Id}: {string.Join("; ", e.Findings)}");
        Assert.Empty(failed);
        Assert.True(dossier.MachineItemsPass);
        Assert.All(dossier.Reading, r => Assert.True(r.MeetsGoal, $"{r.Language}: {r.Score} against {r.Goal}"));
        // Every item the standards name is in the dossier, judged or left to a person with a place for their evidence.
        Assert.Equal(StandardItems.All.Count, dossier.Entries.Count);
        Assert.Contains(dossier.Entries, e => e.Item.Id == "IPDAS-QUAL-FIELD-TEST-PATIENTS" && e.Verdict == Verdict.ForAPerson);
    }

    [Fact]
    public void A_dossier_is_the_same_every_time_and_carries_the_version_hash()
    {
        var aid = Shipped.Find("neurolysis")!;
        var first = Dossier.Build(aid);
        var second = Dossier.Build(aid);
        Assert.Equal(aid.ContentHash, first.ContentHash);
        Assert.Equal(first.Entries.Select(e => (e.Item.Id, e.Verdict, string.Join("|", e.Found.Select(f => f.Text + f.Location)))),
            second.Entries.Select(e => (e.Item.Id, e.Verdict, string.Join("|", e.Found.Select(f => f.Text + f.Location)))));
    }

    [Fact]
    public void Every_item_judged_by_a_machine_says_how_and_can_fail()
    {
        foreach (var item in StandardItems.All.Where(i => i.JudgedBy == JudgedBy.Machine))
        {
            Assert.False(string.IsNullOrWhiteSpace(item.How), item.Id);
            Assert.True(item.Codes.Count > 0 || item.Holds is not null, $"{item.Id} has neither finding codes nor a test of its own");
        }
        Assert.Equal(StandardItems.All.Count, StandardItems.All.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void A_missing_declaration_fails_its_item_and_the_Washington_item_built_on_IPDAS()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "funding: none\n", "");
        var dossier = Dossier.Build(fixture.Load().Find("mini")!);
        Assert.Equal(Verdict.Fail, dossier.Entries.Single(e => e.Item.Id == "IPDAS-C6").Verdict);
        Assert.Equal(Verdict.Fail, dossier.Entries.Single(e => e.Item.Id == "WA-182-60-025-1").Verdict);
        Assert.False(dossier.MachineItemsPass);
    }

    [Fact]
    public void An_aid_with_no_values_to_weigh_fails_the_values_item()
    {
        using var intact = new FixtureLibrary();
        var mini = intact.Load().Find("mini")!;
        var without = Dossier.Build(mini with { Values = [] });
        Assert.Equal(Verdict.Fail, without.Entries.Single(e => e.Item.Id == "IPDAS-QUAL-VALUES").Verdict);
    }

    [Fact]
    public void Evidence_from_people_is_shown_for_its_item()
    {
        using var fixture = new FixtureLibrary().Edit("aid.yaml", "funding: none\n",
            "funding: none\nstandards_evidence:\n  IPDAS-QUAL-FIELD-TEST-PATIENTS: Read aloud with 12 patients in March 2026; notes in the team folder.\n");
        var dossier = Dossier.Build(fixture.Load().Find("mini")!);
        var entry = dossier.Entries.Single(e => e.Item.Id == "IPDAS-QUAL-FIELD-TEST-PATIENTS");
        Assert.Equal(Verdict.ForAPerson, entry.Verdict);
        Assert.StartsWith("Read aloud with 12 patients", entry.PersonEvidence!.Text, StringComparison.Ordinal);
        Assert.Null(dossier.Entries.Single(e => e.Item.Id == "IPDAS-QUAL-NEEDS").PersonEvidence);
    }

    [Fact]
    public void A_dossier_for_one_language_judges_only_that_language_and_refuses_a_language_the_aid_lacks()
    {
        var aid = Shipped.Find("neurolysis")!;
        var spanish = Dossier.Build(aid, "es");
        Assert.Equal(["es"], spanish.Languages);
        Assert.Single(spanish.Reading);
        Assert.DoesNotContain(spanish.Entries.Single(e => e.Item.Id == "IPDAS-Q1").Found, f => f.Text.StartsWith("en:", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => Dossier.Build(aid, "fr"));
    }
}
