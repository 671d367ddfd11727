namespace DecisionAid.Rendering.Text;

/// <summary>
/// The named placeholders an interface text takes, in the order the code passes their values: content writes
/// "Step {number}", the loader checks every language names exactly these, and the code formats it as "Step {0}".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlaceholdersAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
