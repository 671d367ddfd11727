namespace DecisionAid.Web.Tests.Library;

/// <summary>Writes a new version of an aid into a copy of the content folder, as an author would (the site publishes it when it starts).</summary>
internal static class NewContentVersion
{
    /// <param name="change">What else changes in each of the aid's files (its words, its answer key).</param>
    public static async Task WriteAsync(string content, string aidId, string oldVersion, string newVersion, Func<string, string>? change = null)
    {
        foreach (var path in Directory.GetFiles(Path.Combine(content, aidId), "*.yaml"))
        {
            var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
            text = text.Replace($"version: {oldVersion}", $"version: {newVersion}", StringComparison.Ordinal)
                .Replace($"revised_for: {oldVersion}", $"revised_for: {newVersion}", StringComparison.Ordinal);
            await File.WriteAllTextAsync(path, change is null ? text : change(text), TestContext.Current.CancellationToken);
        }
    }
}
