using DecisionAid.Core.Content;
using DecisionAid.Rendering.Text;

namespace DecisionAid.Web.Packets;

/// <summary>What the page says after a knowledge-check answer: right or not, the right answer, and why.</summary>
public sealed record KnowledgeFeedback(KnowledgeQuestion Question, KnowledgeText Words, UiText Ui, string? Answered);
