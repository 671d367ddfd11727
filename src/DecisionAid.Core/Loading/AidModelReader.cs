using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;

namespace DecisionAid.Core.Loading;

/// <summary>Reads aid.yaml, the language-neutral part of an aid: ids, numbers, sources, pictures and rules.</summary>
internal sealed class AidModelReader
{
    /// <summary>Every id this file names in another list (kind, id, where), checked once all lists are read.</summary>
    private readonly List<(string Kind, LocatedText Id)> _references = [];

    public sealed record Model(
        string Id, string Version, LocatedText Reviewed, DateOnly ReviewedDate, IReadOnlyList<Reviewer> Reviewers,
        IReadOnlyList<Source> Sources, IReadOnlyList<Step> Steps, IReadOnlyList<Benefit> Benefits, IReadOnlyList<Risk> Risks,
        IReadOnlyList<Alternative> Alternatives, IReadOnlyList<ItemRef> Questions, IReadOnlyList<KnowledgeQuestion> KnowledgeCheck,
        Personalisation Personalisation, SourceLocation Location)
    {
        public IReadOnlyList<ItemRef> Values { get; init; } = [];
        public IReadOnlyList<AftercareItem> Aftercare { get; init; } = [];
        public AidDeclarations Declarations { get; init; } = AidDeclarations.None;
    }

    public static Model? Read(YamlMap root, string folderName) => new AidModelReader().ReadAid(root, folderName);

    private Model? ReadAid(YamlMap root, string folderName)
    {
        var d = root.Diagnostics;
        var idText = root.Text("id");
        var version = root.String("version");
        var reviewedText = root.Text("reviewed");
        var reviewed = ParseDate(root, reviewedText);
        var reviewers = People(root, "reviewers", required: true);
        var declarations = ReadDeclarations(root);

        var sources = ReadSources(root);
        var steps = Ids.Unique(root.MapList("steps").Select(m =>
        {
            var id = Ids.Read(m, "step");
            var picture = m.String("picture");
            m.Done();
            return id is null || picture is null ? null : new Step(id, picture, m.Location);
        }).OfType<Step>(), "step", d);

        var benefits = Ids.Unique(root.MapList("benefits").Select(m =>
        {
            var id = Ids.Read(m, "benefit");
            var frequency = m.Frequency("frequency");
            var keys = Refs(m, "sources", "source");
            var targets = Refs(m, "targets", "target");
            var methods = Refs(m, "methods", "method");
            m.Done();
            return id is null ? null : new Benefit(id, frequency, keys, targets, methods, m.Location);
        }).OfType<Benefit>(), "benefit", d);

        var risks = Ids.Unique(root.MapList("risks").Select(m =>
        {
            var id = Ids.Read(m, "risk");
            var frequency = m.Frequency("frequency");
            var keys = Refs(m, "sources", "source");
            var targets = Refs(m, "targets", "target");
            var methods = Refs(m, "methods", "method");
            var higher = Refs(m, "higher_when", "property");
            var serious = m.Bool("serious", required: false) ?? false;
            m.Done();
            return id is null ? null : new Risk(id, frequency, keys, targets, methods, higher, serious, m.Location);
        }).OfType<Risk>(), "risk", d);

        var alternatives = Ids.Unique(root.MapList("alternatives").Select(m =>
        {
            var id = Ids.Read(m, "alternative");
            var kindText = m.Text("kind", required: false);
            var kind = AlternativeKind.Treatment;
            if (kindText is not null)
            {
                if (kindText.Value == "no-treatment") kind = AlternativeKind.NoTreatment;
                else if (kindText.Value != "treatment")
                    d.Error(FindingCodes.WrongType, kindText.Location, $"alternative kind must be 'treatment' or 'no-treatment', not '{kindText.Value}'");
            }
            var link = m.String("links_to", required: false);
            // Optional: the studies behind the numbers an option's own words give (its relief, its risks).
            var keys = m.Has("sources") ? Refs(m, "sources", "source") : [];
            m.Done();
            return id is null ? null : new Alternative(id, kind, link, m.Location) { SourceKeys = keys };
        }).OfType<Alternative>(), "alternative", d);

        var questions = Ids.Unique(root.StringList("questions", required: true).Select(t =>
        {
            if (Ids.IsValid(t.Value)) return new ItemRef(t.Value, t.Location);
            d.Error(FindingCodes.WrongType, t.Location, $"question id '{t.Value}' must be lowercase letters, digits and hyphens");
            return null;
        }).OfType<ItemRef>(), "question", d);

        var values = Ids.Unique(root.StringList("values").Select(t =>
        {
            if (Ids.IsValid(t.Value)) return new ItemRef(t.Value, t.Location);
            d.Error(FindingCodes.WrongType, t.Location, $"value id '{t.Value}' must be lowercase letters, digits and hyphens");
            return null;
        }).OfType<ItemRef>(), "value", d);

        var aftercare = Ids.Unique(root.MapList("aftercare", required: false).Select(m =>
        {
            var id = Ids.Read(m, "aftercare item");
            var kindText = m.Text("kind");
            AftercareKind? kind = kindText?.Value switch
            {
                "expect" => AftercareKind.Expect, "do" => AftercareKind.Do, "call" => AftercareKind.Call, "emergency" => AftercareKind.Emergency, _ => null,
            };
            if (kindText is not null && kind is null)
                d.Error(FindingCodes.WrongType, kindText.Location, $"aftercare kind must be 'expect', 'do', 'call' or 'emergency', not '{kindText.Value}'");
            var keys = Refs(m, "sources", "source");
            var targets = Refs(m, "targets", "target");
            var methods = Refs(m, "methods", "method");
            var numbers = AftercareNumbers(m);
            m.Done();
            return id is null || kind is null ? null : new AftercareItem(id, kind.Value, keys, targets, methods, m.Location) { Numbers = numbers };
        }).OfType<AftercareItem>(), "aftercare item", d);

        var knowledge = Ids.Unique(root.MapList("knowledge_check").Select(m => ReadKnowledgeQuestion(m)).OfType<KnowledgeQuestion>(), "knowledge-check question", d);
        var personalisation = ReadPersonalisation(root);
        root.Done();
        CheckReferences(d, sources, risks, personalisation);

        if (idText is not null && idText.Value != folderName)
            d.Error(FindingCodes.WrongType, idText.Location, $"the aid id '{idText.Value}' must match its folder name '{folderName}'");
        if (idText is null || version is null || reviewedText is null || reviewed is null) return null;
        return new Model(idText.Value, version, reviewedText, reviewed.Value, reviewers, sources, steps, benefits, risks, alternatives,
            questions, knowledge, personalisation, root.Location) { Values = values, Aftercare = aftercare, Declarations = declarations };
    }

    private static List<Reviewer> People(YamlMap root, string key, bool required) => root.MapList(key, required).Select(m =>
    {
        var name = m.String("name");
        var role = m.String("role");
        m.Done();
        return name is null || role is null ? null : new Reviewer(name, role, m.Location);
    }).OfType<Reviewer>().ToList();

    /// <summary>
    /// The standards' disclosure fields, all optional here: a missing one is a finding of the standards' checks
    /// (which name the item it fails), not a load error, so a dossier can still be made for the aid.
    /// </summary>
    private static AidDeclarations ReadDeclarations(YamlMap root)
    {
        var d = root.Diagnostics;
        var published = root.Text("published", required: false);
        if (published is not null) ParseDate(root, published, "published");
        var nextReview = root.Text("next_review", required: false);
        if (nextReview is not null) ParseDate(root, nextReview, "next_review");
        var triggers = root.StringList("review_sooner_when");
        foreach (var t in triggers.Where(t => !AidDeclarations.KnownTriggers.Contains(t.Value)))
            d.Error(FindingCodes.UnknownReference, t.Location,
                $"'{t.Value}' is not a reason for an earlier review; use {string.Join(", ", AidDeclarations.KnownTriggers)}");
        var authors = People(root, "authors", required: false);
        var evidence = new Dictionary<string, LocatedText>(StringComparer.Ordinal);
        if (root.Map("standards_evidence", required: false) is { } map)
        {
            foreach (var (item, _, location) in map.Entries())
            {
                if (Standards.StandardItems.Find(item) is not { JudgedBy: Standards.JudgedBy.Person })
                    d.Error(FindingCodes.UnknownField, location,
                        $"'{item}' is not an item only a person can judge; name one of: {string.Join(", ", Standards.StandardItems.All.Where(i => i.JudgedBy == Standards.JudgedBy.Person).Select(i => i.Id))}");
                else if (map.Text(item) is { } said) evidence[item] = said;
            }
            map.Done();
        }
        return new AidDeclarations(published, nextReview, [.. triggers.Where(t => AidDeclarations.KnownTriggers.Contains(t.Value))], authors,
            root.Text("funding", required: false), root.Text("conflicts_of_interest", required: false)) { PersonEvidence = evidence };
    }

    /// <summary>An aftercare item's numbers: names (letters, digits, hyphens) to non-negative numbers, such as "celsius: 38".</summary>
    private static Dictionary<string, decimal> AftercareNumbers(YamlMap item)
    {
        var numbers = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (item.Map("numbers", required: false) is not { } map) return numbers;
        foreach (var (name, node, location) in map.Entries())
        {
            if (!Ids.IsValid(name))
                map.Diagnostics.Error(FindingCodes.WrongType, location, $"a number's name must be lower-case letters, digits and hyphens, not '{name}'");
            else if (node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } text }
                && decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
                numbers[name] = value;
            else
                map.Diagnostics.Error(FindingCodes.WrongType, location, $"the number '{name}' must be written with digits (and a decimal point), such as 38 or 100.4");
        }
        return numbers;
    }

    private static DateOnly? ParseDate(YamlMap root, LocatedText? text, string key = "reviewed")
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)) return date;
        root.Diagnostics.Error(FindingCodes.WrongType, text.Location, $"'{key}' must be a date written as YYYY-MM-DD, not '{text.Value}'");
        return null;
    }

    private static List<Source> ReadSources(YamlMap root)
    {
        var d = root.Diagnostics;
        var seen = new Dictionary<string, Source>(StringComparer.Ordinal);
        var list = new List<Source>();
        foreach (var m in root.MapList("sources"))
        {
            var key = m.Text("key");
            var citation = m.String("citation");
            var urlText = m.Text("url", required: false);
            var year = m.Int("year");
            m.Done();
            Uri? url = null;
            if (urlText is not null && (!Uri.TryCreate(urlText.Value, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
            {
                d.Error(FindingCodes.WrongType, urlText.Location, $"source url '{urlText.Value}' must be an absolute http or https address");
                url = null;
            }
            if (year is < 1900 or > 2100)
                d.Error(FindingCodes.WrongType, m.Location, $"source year {year} is not a plausible year");
            if (key is null || citation is null || year is null) continue;
            if (seen.TryGetValue(key.Value, out var first))
            {
                d.Error(FindingCodes.DuplicateId, key.Location, $"duplicate source key '{key.Value}' (first used at line {first.Location.Line})");
                continue;
            }
            var source = new Source(key.Value, citation, url, year.Value, m.Location);
            seen[key.Value] = source;
            list.Add(source);
        }
        return list;
    }

    private static KnowledgeQuestion? ReadKnowledgeQuestion(YamlMap m)
    {
        var d = m.Diagnostics;
        var id = Ids.Read(m, "knowledge-check question");
        var choices = m.StringList("choices", required: true);
        var answer = m.Text("answer");
        m.Done();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in choices)
        {
            if (!distinct.Add(c.Value)) d.Error(FindingCodes.DuplicateId, c.Location, $"duplicate choice id '{c.Value}' in question '{id}'");
        }
        if (choices.Count is > 0 and < 2) d.Error(FindingCodes.MissingField, m.Location, $"question '{id}' needs at least two choices");
        if (answer is not null && choices.Count > 0 && !distinct.Contains(answer.Value))
            d.Error(FindingCodes.UnknownReference, answer.Location, $"the answer '{answer.Value}' of question '{id}' is not one of its choices ({string.Join(", ", distinct)})");
        return id is null || answer is null ? null : new KnowledgeQuestion(id, [.. distinct], answer.Value, m.Location);
    }

    private Personalisation ReadPersonalisation(YamlMap root)
    {
        var p = root.Map("personalisation", required: false);
        if (p is null) return Personalisation.Empty;
        var d = root.Diagnostics;
        var properties = Ids.Unique(p.StringList("properties").Select(t => new ItemRef(t.Value, t.Location)), "property", d);
        var methods = Ids.Unique(p.StringList("methods").Select(t => new ItemRef(t.Value, t.Location)), "method", d);
        var targets = Ids.Unique(p.MapList("targets", required: false).Select(m =>
        {
            var id = Ids.Read(m, "target");
            var props = Refs(m, "properties", "property");
            var ms = Refs(m, "methods", "method");
            m.Done();
            return id is null ? null : new Target(id, props, ms, m.Location);
        }).OfType<Target>(), "target", d);
        var factors = Ids.Unique(p.MapList("health_factors", required: false).Select(m =>
        {
            var id = Ids.Read(m, "health factor");
            var raises = m.MapList("raises").Select(r =>
            {
                var risk = r.Text("risk");
                if (risk is not null) _references.Add(("risk", risk));
                var frequency = r.Frequency("frequency");
                var keys = Refs(r, "sources", "source");
                r.Done();
                return risk is null ? null : new RiskRaise(risk.Value, frequency, keys, r.Location);
            }).OfType<RiskRaise>().ToList();
            m.Done();
            return id is null ? null : new HealthFactor(id, raises, m.Location);
        }).OfType<HealthFactor>(), "health factor", d);
        p.Done();
        return new Personalisation(targets, methods, properties, factors);
    }

    private List<string> Refs(YamlMap m, string key, string kind)
    {
        var items = m.StringList(key);
        foreach (var item in items) _references.Add((kind, item));
        return [.. items.Select(t => t.Value)];
    }

    /// <summary>Reports each reference to a source, target, method, property or risk that this aid does not define.</summary>
    private void CheckReferences(Diagnostics d, IEnumerable<Source> sources, IEnumerable<Risk> risks, Personalisation p)
    {
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["source"] = [.. sources.Select(s => s.Key)],
            ["risk"] = [.. risks.Select(r => r.Id)],
            ["target"] = [.. p.Targets.Select(t => t.Id)],
            ["method"] = [.. p.Methods.Select(t => t.Id)],
            ["property"] = [.. p.Properties.Select(t => t.Id)],
        };
        foreach (var (kind, id) in _references)
        {
            if (known[kind].Contains(id.Value)) continue;
            var code = kind == "source" ? FindingCodes.UnknownSource : FindingCodes.UnknownReference;
            var list = known[kind].Count == 0 ? "none are defined" : "known: " + string.Join(", ", known[kind].Order(StringComparer.Ordinal));
            d.Error(code, id.Location, $"unknown {kind} '{id.Value}' ({list})");
        }
    }
}
