using DecisionAid.Core.Content;

namespace DecisionAid.Records.Packets;

/// <summary>What a patient can answer in a packet, and which values each answer may take.</summary>
public static class AnswerKinds
{
    public const string Knowledge = "knowledge";
    public const string Value = "value";
    public const string Sure = "sure";
    public const string Satisfaction = "satisfaction";
    public const string Questions = "questions";
    /// <summary>The post-visit survey: after the visit, not part of the consent (see <see cref="Core.Surveys.VisitSurvey"/>).</summary>
    public const string Survey = "survey";

    /// <summary>SURE items are numbered 1 to 4; satisfaction and questions have one item each.</summary>
    public static readonly string[] SureItems = ["1", "2", "3", "4"];
    public const string Single = "1";
    public const int MaxQuestionsLength = 2000;

    /// <summary>Whether the answer fits the aid; null when it does, else what is wrong.</summary>
    public static string? Problem(Aid aid, string kind, string item, string value)
    {
        ArgumentNullException.ThrowIfNull(aid);
        return kind switch
        {
            Knowledge => aid.KnowledgeCheck.FirstOrDefault(q => q.Id == item) is { } q && q.Choices.Contains(value) ? null : "unknown question or choice",
            Value => aid.Values.Any(v => v.Id == item) && IsScale(value) ? null : "unknown statement, or a rating not from 1 to 5",
            Sure => SureItems.Contains(item) && value is "yes" or "no" ? null : "SURE answers are yes or no to items 1 to 4",
            Satisfaction => item == Single && IsScale(value) ? null : "a rating from 1 to 5",
            Questions => item == Single && value.Length <= MaxQuestionsLength ? null : $"questions can be up to {MaxQuestionsLength} characters",
            Survey => Core.Surveys.VisitSurvey.Find(item) is not null && Core.Surveys.VisitSurvey.IsAnswer(value) ? null : "survey answers are a rating from 1 to 5, or skipped",
            _ => "unknown kind of answer",
        };
    }

    private static bool IsScale(string value) => value is "1" or "2" or "3" or "4" or "5";

    /// <summary>Puts an answer on the packet (to be saved); the same item answered again replaces it.</summary>
    public static void Put(Data.Packet packet, string kind, string item, string value, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var answer = packet.Answers.FirstOrDefault(a => a.Kind == kind && a.ItemId == item);
        if (answer is null) packet.Answers.Add(new Data.PacketAnswer { PacketId = packet.Id, Kind = kind, ItemId = item, Value = value, UpdatedAt = now });
        else
        {
            answer.Value = value;
            answer.UpdatedAt = now;
        }
    }
}
