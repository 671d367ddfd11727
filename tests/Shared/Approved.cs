namespace DecisionAid.Testing;

/// <summary>
/// Approval files: what users and other systems receive (a page's text, a handout's text, a consent's FHIR JSON) is
/// kept in <c>tests/Approved/</c>, so any change to it shows up as a readable diff in review. A test compares its
/// output with the approved file; to accept a change on purpose, run the tests with DECISIONAID_APPROVE=1 (see the
/// README) and review the diff. On a mismatch the output is written beside it as <c>NAME.received.txt</c>.
/// </summary>
internal static class Approved
{
    public static string Folder => Path.Combine(TestFolders.RepositoryRoot(), "tests", "Approved");

    public static void Verify(string name, string actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        var file = Path.Combine(Folder, name + ".txt");
        var received = Path.Combine(Folder, name + ".received.txt");
        if (Environment.GetEnvironmentVariable("DECISIONAID_APPROVE") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(file, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        var approved = File.Exists(file) ? File.ReadAllText(file) : null;
        if (approved == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail(approved is null
            ? $"no approved file {file}: review {received} and approve it (DECISIONAID_APPROVE=1)"
            : $"{name} differs from its approved file {FirstDifference(approved, actual)}; the output is in {received}: compare, and approve it (DECISIONAID_APPROVE=1) if the change is meant");
    }

    private static string FirstDifference(string approved, string actual)
    {
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end)";
            var right = i < b.Length ? b[i] : "(end)";
            if (left != right) return $"at line {i + 1}:\n  approved: {left}\n  now:      {right}\n";
        }
        return "";
    }
}
