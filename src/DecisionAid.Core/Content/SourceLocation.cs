namespace DecisionAid.Core.Content;

/// <summary>Where something stands in a content file, 1-based, for messages a person can act on.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 1, 1);

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Path}:{Line}:{Column}");
}

/// <summary>A piece of text from a content file with the place it came from.</summary>
public sealed record LocatedText(string Value, SourceLocation Location)
{
    public override string ToString() => Value;
}
