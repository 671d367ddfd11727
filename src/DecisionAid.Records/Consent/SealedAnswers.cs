using DecisionAid.Core.Consent;
using DecisionAid.Records.Data;
using DecisionAid.Records.Packets;

namespace DecisionAid.Records.Consent;

public static class SealedAnswers
{
    /// <summary>The answers as sealed: sorted, so the same answers always read the same. The post-visit survey comes after and is not part of it.</summary>
    public static IReadOnlyList<SealedDocument.AnswerPart> Of(IEnumerable<PacketAnswer> answers) =>
        [.. answers.Where(a => a.Kind != AnswerKinds.Survey).OrderBy(a => a.Kind, StringComparer.Ordinal).ThenBy(a => a.ItemId, StringComparer.Ordinal).Select(a => new SealedDocument.AnswerPart(a.Kind, a.ItemId, a.Value))];
}
