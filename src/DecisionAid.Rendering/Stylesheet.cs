using System.Reflection;

namespace DecisionAid.Rendering;

/// <summary>The one stylesheet of an aid: inlined into rendered files, served as a file by the web site.</summary>
public static class Stylesheet
{
    public static string Text { get; } = Read("aid.css");

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DecisionAid.Rendering.Assets.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
