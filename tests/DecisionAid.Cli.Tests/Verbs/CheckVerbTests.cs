namespace DecisionAid.Cli.Tests.Verbs;

public class CheckVerbTests
{
    [Fact]
    public void Check_exits_0_on_the_shipped_library_and_prints_a_summary_table()
    {
        using var run = new PdaRun();
        var (exit, output, _) = run.Pda("check", run.Content);
        Assert.Equal(0, exit);
        Assert.Contains("FK grade", output, StringComparison.Ordinal);
        Assert.Contains("neurolysis", output, StringComparison.Ordinal);
        Assert.Contains("0 error(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_1_with_file_line_column_messages_on_broken_content()
    {
        using var run = new PdaRun();
        run.Edit("neurolysis/aid.yaml", "frequency: 1 in 1000", "frequency: 3 in 2");
        run.Edit("neurolysis/en.yaml", "title: Neurolysis", "titel: Neurolysis");
        var (exit, output, _) = run.Pda("check", run.Content);
        Assert.Equal(1, exit);
        Assert.Matches(@"content/neurolysis/aid\.yaml:\d+:\d+: error LOAD005: frequency '3 in 2' counts more people than the group has", output);
        Assert.Matches(@"content/neurolysis/en\.yaml:\d+:1: error LOAD002: unknown field 'titel' in the file; did you mean 'title'\?", output);
    }

    [Fact]
    public void Check_takes_one_aid_folder_too()
    {
        using var run = new PdaRun();
        var (exit, output, _) = run.Pda("check", Path.Combine(run.Content, "neurolysis"));
        Assert.Equal(0, exit);
        Assert.Contains("in 1 aid(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reads_the_content_option_when_no_path_is_given()
    {
        using var run = new PdaRun();
        Assert.Equal(0, run.Pda("check", "--content", run.Content).Exit);
        Assert.Equal(2, run.Pda("check", "--content", Path.Combine(run.Root, "nowhere")).Exit);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("check", "one", "two")]
    [InlineData("readability", "neurolysis", "--top", "many")]
    [InlineData("render")]
    [InlineData("render", "neurolysis", "--format", "docx")]
    public void Bad_usage_exits_2(params string[] args)
    {
        using var run = new PdaRun();
        var (exit, _, error) = run.Pda(args);
        Assert.Equal(2, exit);
        Assert.Contains("pda:", error, StringComparison.Ordinal);
    }
}

/// <summary>Changes the current folder, so it runs alone.</summary>
[CollectionDefinition(nameof(CurrentFolderTests), DisableParallelization = true)]
[Collection(nameof(CurrentFolderTests))]
public class CurrentFolderTests
{
    [Fact]
    public void Check_inside_an_aid_folder_checks_that_aid()
    {
        using var run = new PdaRun();
        run.Edit("neurolysis/aid.yaml", "frequency: 1 in 1000", "frequency: 1 in 0");
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Path.Combine(run.Content, "neurolysis");
            var (exit, output, _) = run.Pda("check", ".");
            Assert.Equal(1, exit);
            Assert.Contains("LOAD005", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
