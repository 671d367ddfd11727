using DecisionAid.Web.Library;

namespace DecisionAid.Web.Tests.Library;

public class StartupTests
{
    [Fact]
    public void The_site_refuses_to_start_on_a_broken_content_library_and_prints_the_findings()
    {
        var root = TestFolders.NewTemp("pda-web");
        try
        {
            TestFolders.Copy(TestFolders.ShippedContent(), root);
            var aid = Path.Combine(root, "neurolysis", "aid.yaml");
            File.WriteAllText(aid, File.ReadAllText(aid).Replace("frequency: 1 in 1000", "frequency: 1 in 0", StringComparison.Ordinal));
            using var factory = new SiteFactory(root);
            var error = Assert.ThrowsAny<Exception>(() => factory.Client());
            var content = error as ContentLibraryException ?? error.InnerException as ContentLibraryException;
            Assert.NotNull(content);
            Assert.Contains("will not start", content.Message, StringComparison.Ordinal);
            Assert.Matches(@"neurolysis/aid\.yaml:\d+:\d+: error LOAD005: frequency '1 in 0' has a denominator of 0", content.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_content_folder_is_found_above_the_app_when_not_configured()
    {
        var found = AidLibraryStartup.ResolvePath(null, Path.Combine(TestFolders.RepositoryRoot(), "src", "DecisionAid.Web"));
        Assert.Equal(TestFolders.ShippedContent(), found);
        Assert.Equal("/srv/aids", AidLibraryStartup.ResolvePath("/srv/aids", "/app"));
    }
}
