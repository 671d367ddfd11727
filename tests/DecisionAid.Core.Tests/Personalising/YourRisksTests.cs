using DecisionAid.Core.Loading;
using DecisionAid.Core.Personalising;

namespace DecisionAid.Core.Tests.Personalising;

/// <summary>Each target, method and health factor of the neurolysis aid changes "Your risks" exactly as the content says.</summary>
public class YourRisksTests
{
    private static readonly DecisionAid.Core.Content.Aid Neurolysis = ContentLibrary.Load(TestFolders.ShippedContent()).Find("neurolysis")!;
    private static readonly string[] ForEveryone = ["bleeding", "infection", "skin-darkening"];

    private static YourRisks For(string? target, string? method, params string[] factors) =>
        YourRisks.For(Neurolysis, new PacketChoices(target, method, factors));

    private static string[] Ids(YourRisks risks) => [.. risks.Risks.Select(r => r.Risk.Id)];

    [Fact]
    public void With_nothing_chosen_only_the_risks_for_everyone_show() =>
        Assert.Equal(ForEveryone, Ids(For(null, null)));

    [Fact]
    public void The_celiac_plexus_with_medicine_adds_its_own_risks_and_the_pain_flare()
    {
        var risks = For("celiac-plexus", "medicine");
        Assert.Equal([.. ForEveryone, "pain-flare", "celiac-site-pain", "celiac-diarrhea", "celiac-low-blood-pressure", "celiac-serious", "celiac-leg-weakness"], Ids(risks));
        Assert.All(risks.Risks.Where(r => r.Risk.Id.StartsWith("celiac", StringComparison.Ordinal)), r => Assert.True(r.ForTarget));
        Assert.Equal(["celiac-early-relief", "celiac-lasting-relief", "celiac-trial"], risks.Benefits.Select(b => b.Id));
    }

    [Fact]
    public void The_nerves_between_the_ribs_add_a_collapsed_lung_and_heat_adds_its_own_risks()
    {
        Assert.Equal([.. ForEveryone, "collapsed-lung"], Ids(For("intercostal", "cold")));
        Assert.Equal([.. ForEveryone, "pain-flare", "heart-device", "collapsed-lung"], Ids(For("intercostal", "heat")));
        var lung = For("intercostal", "cold").Risks.Single(r => r.Risk.Id == "collapsed-lung");
        Assert.Equal("56 in 1000", lung.Risk.Frequency!.ToString());
    }

    [Fact]
    public void Nerves_around_the_knee_are_close_to_the_skin_so_darker_skin_is_higher()
    {
        var heat = For("genicular", "heat");
        Assert.Equal([.. ForEveryone, "pain-flare", "heart-device", "knee-numbness", "knee-soreness"], Ids(heat));
        Assert.Equal(["close-to-skin"], heat.Risks.Single(r => r.Risk.Id == "skin-darkening").HigherBecauseOf);
        Assert.Equal(["knee-heat-trial", "heat-takes-time"], heat.Benefits.Select(b => b.Id));
        var cold = For("genicular", "cold");
        Assert.Equal(ForEveryone, Ids(cold));
        Assert.True(cold.Risks.Single(r => r.Risk.Id == "skin-darkening").HigherForYou);
        Assert.False(For("celiac-plexus", "medicine").Risks.Single(r => r.Risk.Id == "skin-darkening").HigherForYou);
    }

    [Theory]
    [InlineData("blood-thinners", "bleeding")]
    [InlineData("diabetes", "infection")]
    [InlineData("weak-immune-system", "infection")]
    public void A_health_factor_marks_the_risk_it_names_as_higher_for_you(string factor, string risk)
    {
        var risks = For("intercostal", "cold", factor);
        var raised = risks.Risks.Where(r => r.HigherForYou).ToList();
        var one = Assert.Single(raised);
        Assert.Equal(risk, one.Risk.Id);
        Assert.Equal(factor, Assert.Single(one.RaisedBy).Factor.Id);
        Assert.Null(one.RaisedBy[0].Rule.Frequency); // the content cites no number for the raise: none is shown
        Assert.NotEmpty(one.RaisedBy[0].Rule.SourceKeys);
    }

    [Fact]
    public void A_pacemaker_raises_the_heart_device_risk_only_with_heat()
    {
        Assert.True(For("genicular", "heat", "pacemaker").Risks.Single(r => r.Risk.Id == "heart-device").HigherForYou);
        Assert.DoesNotContain(For("genicular", "cold", "pacemaker").Risks, r => r.Risk.Id == "heart-device");
    }

    [Fact]
    public void Choices_that_do_not_fit_the_aid_are_refused_with_reasons()
    {
        Assert.Equal(["the method 'heat' is not used for the target 'celiac-plexus' (it uses: medicine)"],
            new PacketChoices("celiac-plexus", "heat", []).Problems(Neurolysis));
        var problems = new PacketChoices("elbow", "laser", ["smoker"]).Problems(Neurolysis);
        Assert.Equal(3, problems.Count);
        Assert.Contains("'elbow' is not a target of the neurolysis aid (targets: celiac-plexus, intercostal, genicular)", problems);
        Assert.Throws<ArgumentException>(() => For("elbow", null));
    }
}
