using System.Globalization;
using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;
using YamlDotNet.RepresentationModel;

namespace DecisionAid.Core.Loading;

/// <summary>
/// Reads one YAML mapping field by field, reporting wrong types, missing fields and (on <see cref="Done"/>)
/// fields nobody asked for, each at its line and column. Never throws on bad content.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly Diagnostics _diagnostics;
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string path, string context, Diagnostics diagnostics)
    {
        _node = node;
        Path = path;
        Context = context;
        _diagnostics = diagnostics;
    }

    public string Path { get; }
    /// <summary>Where in the file this mapping is, for messages: e.g. "risks[2]".</summary>
    public string Context { get; }
    public SourceLocation Location => At(_node);
    public Diagnostics Diagnostics => _diagnostics;

    public SourceLocation At(YamlNode node) => new(Path, (int)node.Start.Line, (int)node.Start.Column);

    public bool Has(string key) => Find(key) is not null;

    public YamlNode? Node(string key, bool required)
    {
        _asked.Add(key);
        var node = Find(key);
        if (node is null && required)
            _diagnostics.Error(FindingCodes.MissingField, Location, $"{Describe()} is missing the required field '{key}'");
        return node;
    }

    public LocatedText? Text(string key, bool required = true)
    {
        var node = Node(key, required);
        if (node is null) return null;
        if (node is not YamlScalarNode scalar)
        {
            WrongType(node, key, "text");
            return null;
        }
        var value = (scalar.Value ?? "").Trim();
        if (value.Length == 0)
        {
            _diagnostics.Error(FindingCodes.MissingField, At(node), $"{Describe()} has an empty '{key}'");
            return null;
        }
        return new LocatedText(value, At(node));
    }

    public string? String(string key, bool required = true) => Text(key, required)?.Value;

    public int? Int(string key, bool required = true)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (int.TryParse(text.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        _diagnostics.Error(FindingCodes.WrongType, text.Location, $"'{key}' in {Describe()} must be a whole number, not '{text.Value}'");
        return null;
    }

    public bool? Bool(string key, bool required = true)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (text.Value is "true" or "false") return text.Value == "true";
        _diagnostics.Error(FindingCodes.WrongType, text.Location, $"'{key}' in {Describe()} must be true or false, not '{text.Value}'");
        return null;
    }

    public DateOnly? Date(string key, bool required = true)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        _diagnostics.Error(FindingCodes.WrongType, text.Location, $"'{key}' in {Describe()} must be a date written as YYYY-MM-DD, not '{text.Value}'");
        return null;
    }

    public Frequency? Frequency(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (Content.Frequency.TryParse(text.Value, out var frequency, out var error)) return frequency;
        _diagnostics.Error(FindingCodes.BadFrequency, text.Location, error);
        return null;
    }

    public YamlMap? Map(string key, bool required = true)
    {
        var node = Node(key, required);
        if (node is null) return null;
        if (node is YamlMappingNode map) return new YamlMap(map, Path, Join(key), _diagnostics);
        WrongType(node, key, "a mapping of fields (key: value)");
        return null;
    }

    /// <summary>A list of mappings; items of the wrong type are reported and skipped.</summary>
    public IReadOnlyList<YamlMap> MapList(string key, bool required = true)
    {
        var node = Node(key, required);
        if (node is null) return [];
        if (node is not YamlSequenceNode seq)
        {
            WrongType(node, key, "a list");
            return [];
        }
        var maps = new List<YamlMap>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is YamlMappingNode m) maps.Add(new YamlMap(m, Path, Join(string.Create(CultureInfo.InvariantCulture, $"{key}[{i + 1}]")), _diagnostics));
            else WrongType(seq.Children[i], string.Create(CultureInfo.InvariantCulture, $"{key}[{i + 1}]"), "a mapping of fields");
        }
        return maps;
    }

    /// <summary>A list of plain words (ids, keys); a single word is accepted as a list of one.</summary>
    public IReadOnlyList<LocatedText> StringList(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null) return [];
        if (node is YamlScalarNode one && !string.IsNullOrWhiteSpace(one.Value)) return [new LocatedText(one.Value.Trim(), At(one))];
        if (node is not YamlSequenceNode seq)
        {
            WrongType(node, key, "a list of words");
            return [];
        }
        var items = new List<LocatedText>();
        foreach (var child in seq.Children)
        {
            if (child is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)) items.Add(new LocatedText(s.Value.Trim(), At(s)));
            else WrongType(child, key, "a list of words");
        }
        return items;
    }

    /// <summary>Entries of a mapping keyed by id, in file order; marks them all as asked for.</summary>
    public IEnumerable<(string Key, YamlNode Value, SourceLocation KeyLocation)> Entries()
    {
        foreach (var (k, v) in _node.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            _asked.Add(key);
            yield return (key, v, At(k));
        }
    }

    /// <summary>Reports every field of this mapping that no reader asked for, with the closest expected name.</summary>
    public void Done()
    {
        foreach (var (k, _) in _node.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (_asked.Contains(key)) continue;
            var hint = Closest(key, _asked);
            var expected = string.Join(", ", _asked.Order(StringComparer.Ordinal));
            _diagnostics.Error(FindingCodes.UnknownField, At(k),
                $"unknown field '{key}' in {Describe()}" + (hint is null ? $"; expected one of: {expected}" : $"; did you mean '{hint}'?"));
        }
    }

    public void WrongType(YamlNode node, string key, string expected) =>
        _diagnostics.Error(FindingCodes.WrongType, At(node), $"'{key}' in {Describe()} must be {expected}, not {Kind(node)}");

    public YamlMap Child(YamlMappingNode node, string key) => new(node, Path, Join(key), _diagnostics);

    private string Join(string key) => Context.Length == 0 ? key : $"{Context}.{key}";

    private string Describe() => Context.Length == 0 ? "the file" : $"'{Context}'";

    private YamlNode? Find(string key)
    {
        foreach (var (k, v) in _node.Children)
            if (k is YamlScalarNode s && s.Value == key) return v;
        return null;
    }

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when string.IsNullOrEmpty(s.Value) => "empty",
        _ => "a single value",
    };

    private static string? Closest(string key, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = EditDistance(key, c);
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
