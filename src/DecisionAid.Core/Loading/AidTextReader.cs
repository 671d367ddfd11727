using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;
using DecisionAid.Core.Numbers;
using YamlDotNet.RepresentationModel;

namespace DecisionAid.Core.Loading;

/// <summary>
/// Reads one language file (en.yaml, es.yaml): only words, keyed by the ids of aid.yaml.
/// Reports a text for an id aid.yaml lacks, and an id of aid.yaml with no text, at their lines.
/// </summary>
internal sealed partial class AidTextReader
{
    private readonly AidModelReader.Model _model;
    private readonly string _language;
    private readonly string _languageName;
    private readonly Diagnostics _d;

    private AidTextReader(AidModelReader.Model model, string language, Diagnostics d)
    {
        _model = model;
        _language = language;
        _languageName = Languages.EnglishName(language);
        _d = d;
    }

    public static AidText? Read(YamlMap root, AidModelReader.Model model, string language) =>
        new AidTextReader(model, language, root.Diagnostics).ReadText(root);

    private AidText? ReadText(YamlMap root)
    {
        var lang = root.Text("language");
        if (lang is not null && lang.Value != _language)
            _d.Error(FindingCodes.WrongType, lang.Location, $"this file says language '{lang.Value}' but its name says '{_language}'");
        var revisedFor = root.String("revised_for");
        var title = root.Text("title");
        var summary = root.Text("summary");
        // Optional here: the standards' checks name the IPDAS item a missing one fails.
        var condition = root.Text("condition", required: false);
        var decision = root.Text("decision", required: false);
        var whatItIs = root.Text("what_it_is");

        var steps = IdMap(root, "steps", _model.Steps, "step", m =>
        {
            var t = m.Text("title"); var x = m.Text("text"); var alt = m.Text("alt");
            return t is null || x is null || alt is null ? null : new StepText(t, x, alt);
        });

        var benefits = root.Map("benefits");
        var benefitsIntro = benefits?.Text("intro");
        var benefitItems = benefits is null ? Empty<LocatedText>() : FillChances(IdTexts(benefits, "items", _model.Benefits, "benefit"),
            id => _model.Benefits.First(b => b.Id == id).Frequency, "benefit");
        benefits?.Done();

        var risks = root.Map("risks");
        var overview = risks?.Text("overview");
        var mainRisk = risks?.Text("main_risk");
        var riskItems = risks is null ? Empty<RiskText>() : IdMap(risks, "items", _model.Risks, "risk", m =>
        {
            var risk = _model.Risks.First(r => r.Id == ContextId(m));
            var unit = m.Text("unit", required: false);
            var name = m.Text("name"); var text = Fill(m.Text("text"), risk.Frequency, $"risk '{risk.Id}'", unit?.Value);
            var higher = risk.HigherWhen.Count == 0 && !m.Has("higher_when")
                ? Empty<LocatedText>()
                : IdTexts(m, "higher_when", risk.HigherWhen.Select(h => new ItemRef(h, risk.Location)), $"risk '{risk.Id}' higher-when note");
            return name is null || text is null ? null : new RiskText(name, text, higher, unit);
        });
        risks?.Done();

        var procedure = root.Map("procedure");
        var procedureText = procedure is null ? null : Comparison(procedure);
        procedure?.Done();

        var alternatives = IdMap(root, "alternatives", _model.Alternatives, "alternative", m =>
        {
            var name = m.Text("name"); var text = m.Text("text"); var cmp = Comparison(m);
            return name is null || text is null || cmp is null ? null : new AlternativeText(name, text, cmp);
        });
        var questions = IdTexts(root, "questions", _model.Questions, "question");
        var knowledge = IdMap(root, "knowledge_check", _model.KnowledgeCheck, "knowledge-check question", m =>
        {
            var q = _model.KnowledgeCheck.First(k => k.Id == ContextId(m));
            var question = m.Text("question");
            var choices = IdTexts(m, "choices", q.Choices.Select(c => new ItemRef(c, q.Location)), $"question '{q.Id}' choice");
            var explanation = m.Text("explanation");
            return question is null || explanation is null ? null : new KnowledgeText(question, choices, explanation);
        });
        var values = IdTexts(root, "values", _model.Values, "value", required: _model.Values.Count > 0);
        var searchTerms = root.StringList("search_terms");
        var aftercare = FillAftercareNumbers(IdTexts(root, "aftercare", _model.Aftercare, "aftercare item", required: _model.Aftercare.Count > 0));
        var p = _model.Personalisation;
        var targets = IdMap(root, "targets", p.Targets, "target", Named, required: p.Targets.Count > 0);
        var methods = IdMap(root, "methods", p.Methods, "method", Named, required: p.Methods.Count > 0);
        var properties = IdTexts(root, "properties", p.Properties, "property", required: p.Properties.Count > 0);
        var factors = IdMap(root, "health_factors", p.HealthFactors, "health factor", m =>
        {
            var f = p.HealthFactors.First(h => h.Id == ContextId(m));
            var name = m.Text("name");
            var reasons = FillChances(IdTexts(m, "reasons", f.Raises.Select(r => new ItemRef(r.RiskId, r.Location)), $"health factor '{f.Id}' reason"),
                id => f.Raises.First(r => r.RiskId == id).Frequency, $"health factor '{f.Id}' reason");
            return name is null ? null : new HealthFactorText(name, reasons);
        }, required: p.HealthFactors.Count > 0);
        root.Done();

        if (revisedFor is null || title is null || summary is null || whatItIs is null || benefitsIntro is null
            || overview is null || mainRisk is null || procedureText is null) return null;
        var text = new AidText
        {
            Language = _language, RevisedFor = revisedFor, Location = root.Location,
            Title = title, Summary = summary, Condition = condition, Decision = decision, WhatItIs = whatItIs, Steps = steps,
            BenefitsIntro = benefitsIntro, Benefits = benefitItems, RisksOverview = overview, MainRisk = mainRisk, Risks = riskItems,
            Procedure = procedureText, Alternatives = alternatives, Questions = questions, KnowledgeCheck = knowledge,
            Targets = targets, Methods = methods, Properties = properties, HealthFactors = factors, Values = values, Aftercare = aftercare, SearchTerms = searchTerms,
        };
        ReportUnknownPlaceholders(text);
        return text;
    }

    /// <summary>A placeholder other than {chance} would reach the patient as "{...}" ({chance} without a number is reported where it is filled).</summary>
    private void ReportUnknownPlaceholders(AidText text)
    {
        foreach (var (_, located) in text.ReadingOrder())
            foreach (var m in Placeholder().Matches(located.Value).Where(m => m.Value != FrequencyPhrase.Placeholder))
                _d.Error(FindingCodes.UnknownPlaceholder, located.Location,
                    $"the {_languageName} text holds '{m.Value}', which is not filled in: {FrequencyPhrase.Placeholder} fills texts of benefits, risks and health-factor reasons that have a frequency, and an aftercare item's words name the numbers under its 'numbers:' in aid.yaml");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^{}\s]{1,40}\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>Puts the generated "1 in 1,000" phrase where a text writes {chance}; a text cannot carry its own copy of the number.</summary>
    private LocatedText? Fill(LocatedText? text, Frequency? frequency, string what, string? unit = null)
    {
        if (text is null || !text.Value.Contains(FrequencyPhrase.Placeholder, StringComparison.Ordinal)) return text;
        if (frequency is null)
        {
            _d.Error(FindingCodes.UnknownReference, text.Location, $"the {_languageName} text of {what} uses {FrequencyPhrase.Placeholder} but aid.yaml gives it no frequency");
            return text;
        }
        return text with { Value = text.Value.Replace(FrequencyPhrase.Placeholder, FrequencyPhrase.Format(frequency, _language, unit), StringComparison.Ordinal) };
    }

    private Dictionary<string, LocatedText> FillChances(Dictionary<string, LocatedText> texts, Func<string, Frequency?> frequency, string what)
    {
        foreach (var id in texts.Keys.ToList())
            texts[id] = Fill(texts[id], frequency(id), $"{what} '{id}'")!;
        return texts;
    }

    /// <summary>
    /// Aftercare words name their numbers ({hours}) and aid.yaml holds them, so no language can disagree: a typed
    /// digit is a finding, and so is a number of aid.yaml that this language never says.
    /// </summary>
    private Dictionary<string, LocatedText> FillAftercareNumbers(Dictionary<string, LocatedText> texts)
    {
        foreach (var item in _model.Aftercare)
        {
            if (!texts.TryGetValue(item.Id, out var text)) continue;
            var words = item.Numbers.Keys.Aggregate(text.Value, (t, name) => t.Replace("{" + name + "}", "", StringComparison.Ordinal));
            if (words.Any(char.IsAsciiDigit))
                _d.Error(FindingCodes.AftercareNumberTyped, text.Location,
                    $"the {_languageName} text of aftercare item '{item.Id}' types a number; put it under 'numbers:' of the item in aid.yaml and write {{name}} here");
            var value = text.Value;
            foreach (var (name, number) in item.Numbers)
            {
                var placeholder = "{" + name + "}";
                if (!value.Contains(placeholder, StringComparison.Ordinal))
                    _d.Error(FindingCodes.AftercareNumberUnused, text.Location,
                        $"the {_languageName} text of aftercare item '{item.Id}' never says {placeholder} ({number.ToString(System.Globalization.CultureInfo.InvariantCulture)}), which aid.yaml gives it");
                value = value.Replace(placeholder, AftercareNumber(number), StringComparison.Ordinal);
            }
            texts[item.Id] = text with { Value = value };
        }
        return texts;
    }

    private string AftercareNumber(decimal number) => number == decimal.Truncate(number) && number <= int.MaxValue
        ? FrequencyPhrase.Number((int)number, _language)
        : number.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);

    private static ComparisonText? Comparison(YamlMap m)
    {
        var involves = m.Text("involves"); var relief = m.Text("relief"); var risks = m.Text("risks");
        return involves is null || relief is null || risks is null ? null : new ComparisonText(involves, relief, risks);
    }

    private static NamedText? Named(YamlMap m)
    {
        var name = m.Text("name"); var description = m.Text("description");
        return name is null || description is null ? null : new NamedText(name, description);
    }

    /// <summary>The id this mapping is the value of (the last part of its context).</summary>
    private static string ContextId(YamlMap m) => m.Context[(m.Context.LastIndexOf('.') + 1)..];

    private Dictionary<string, LocatedText> IdTexts(YamlMap parent, string key, IEnumerable<ItemRef> expected, string what, bool required = true) =>
        IdEntries(parent, key, expected, what, required, (node, location, _) =>
        {
            if (node is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)) return new LocatedText(s.Value.Trim(), location);
            _d.Error(FindingCodes.WrongType, location, $"the {_languageName} text of {what} must be non-empty text");
            return null;
        });

    private Dictionary<string, T> IdMap<T>(YamlMap parent, string key, IEnumerable<ItemRef> expected, string what, Func<YamlMap, T?> read, bool required = true) where T : class =>
        IdEntries(parent, key, expected, what, required, (node, location, id) =>
        {
            if (node is not YamlMappingNode map)
            {
                _d.Error(FindingCodes.WrongType, location, $"the {_languageName} text of {what} '{id}' must be a mapping of fields");
                return null;
            }
            var child = parent.Child(map, $"{key}.{id}");
            var value = read(child);
            child.Done();
            return value;
        });

    /// <summary>Reads a mapping keyed by ids and holds it to the ids of aid.yaml in both directions.</summary>
    private Dictionary<string, T> IdEntries<T>(YamlMap parent, string key, IEnumerable<ItemRef> expected, string what, bool required,
        Func<YamlNode, SourceLocation, string, T?> read) where T : class
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        var ids = expected.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var node = parent.Node(key, required && ids.Count > 0);
        if (node is null) return result;
        if (node is not YamlMappingNode map)
        {
            parent.WrongType(node, key, "a mapping from ids to texts");
            return result;
        }
        var reader = parent.Child(map, key);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, value, location) in reader.Entries())
        {
            present.Add(id);
            if (!ids.Contains(id))
            {
                _d.Error(FindingCodes.TextIdNotInAid, location, $"{_languageName} text for {what} '{id}', but aid.yaml has no {what} with that id");
                continue;
            }
            if (read(value, reader.At(value), id) is { } item) result[id] = item;
        }
        foreach (var id in ids.Where(i => !present.Contains(i)))
            _d.Error(FindingCodes.TextMissing, reader.Location, $"{what} '{id}' has no {_languageName} text");
        return result;
    }

    private static Dictionary<string, T> Empty<T>() => new(StringComparer.Ordinal);
}
