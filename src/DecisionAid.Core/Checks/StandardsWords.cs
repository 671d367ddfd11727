using System.Text.RegularExpressions;

namespace DecisionAid.Core.Checks;

/// <summary>
/// The words, per language, that the standards' checks look for: a chance said only as a word ("rare"), a chance said
/// only as a relative figure ("half as common"), a harm said to be serious, the group a chance counts, the time
/// a benefit's chance is measured over, and a text saying that the number of people is not known.
/// A language without an entry is not judged on these items (the dossier says so).
/// </summary>
internal sealed record StandardsWords(Regex Vague, Regex Relative, Regex Serious, Regex Group, Regex TimeFrame, Regex Unknown)
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Dictionary<string, StandardsWords> ByLanguage = new(StringComparer.Ordinal)
    {
        // "less common than ..." compares two options (it is not a chance said as a word), so comparatives are left out.
        ["en"] = new(
            new(@"(?<!\b(?:less|more|most|as|so)\s)\b(?:rare|rarely|uncommon|common|frequent|frequently)\b", Options),
            new(@"\b(?:half as|halves|halved|twice as|doubles|doubled|\d+(?:\.\d+)? times (?:as|more|less)|\d+(?:\.\d+)? ?(?:%|percent) (?:less|fewer|lower|more|higher)|(?:cuts|lowers|reduces|raises) the (?:risk|chance) by)\b", Options),
            new(@"\b(?:serious|seriously|die|dies|died|death|paralysis|paralysed|paralyzed|stroke|life-threatening)\b", Options),
            new(@"\b(?:people|persons?|men|women|them|those|patients|times|shots|treatments|sessions|nerves|knees)\b", Options),
            new(@"\b(?:hours?|days?|weeks?|months?|years?|at the time|until|after|during)\b", Options),
            new(@"\b(?:we do not know how many|no one knows how many)\b", Options)),
        ["es"] = new(
            new(@"(?<!\b(?:menos|más|tan)\s)\b(?:raro|rara|raros|raras|rara vez|raramente|poco frecuente|frecuente|frecuentes|común|comunes)\b", Options),
            new(@"(?:(?:la mitad de|el doble de) (?:probables?|frecuentes?|común|comunes)|\d+(?:,\d+)? veces (?:más|menos)|\d+(?:,\d+)? ?% (?:menos|más)|reduce el riesgo (?:a la mitad|en))", Options),
            new(@"\b(?:grave|graves|gravemente|muerte|morir|muere|murió|parálisis|derrame cerebral|mortal)\b", Options),
            new(@"\b(?:personas|hombres|mujeres|ellos|ellas|los que|las que|pacientes|veces|inyecciones|tratamientos|sesiones|nervios|rodillas)\b", Options),
            new(@"\b(?:horas?|días?|semanas?|mes|meses|años?|hasta|después|durante)\b", Options),
            new(@"\bno (?:sabemos|se sabe) cuánt[oa]s\b", Options)),
        ["zh"] = new(
            new(@"(?<![更较最])(?:罕见|少见|常见|很少发生)", Options),
            new(@"(?:减半|两倍|翻倍|\d+(?:\.\d+)?倍)", Options),
            new(@"(?:严重|死亡|瘫痪|中风|危及生命)", Options),
            new(@"(?:人|男性|女性|其中|患者|次)", Options),
            new(@"(?:小时|天|周|星期|个月|月|年|直到|之后|以后|同一次|当天)", Options),
            new(@"(?:不知道|不清楚)[^。]{0,6}多少", Options)),
    };

    public static StandardsWords? For(string language) => ByLanguage.GetValueOrDefault(language);
}
