using System.Globalization;
using DecisionAid.Core.Content;

namespace DecisionAid.Web.Clinic;

/// <summary>What a clinician needs at a glance about one packet: where it is, and how the knowledge check went.</summary>
public static class PacketStatus
{
    /// <param name="time">The practice's time zone for a clinic page; the API says UTC.</param>
    public static string Of(Packet packet, DateTime now, ClinicTime? time = null)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (packet.RevokedAt is not null) return "Link revoked";
        if (packet.FailedUnlocks >= Web.Packets.PacketLinks.MaxFailures) return "Link ended after wrong dates of birth: make a new link";
        if (packet.UnlockBlockedUntil is { } until && until > now)
            return time is null
                ? string.Create(CultureInfo.InvariantCulture, $"Link resting after wrong dates of birth, until {until:HH:mm} UTC")
                : $"Link resting after wrong dates of birth, until {time.Format(until, "HH:mm")} ({time.Name})";
        if (packet.FinishedAt is not null) return "Finished";
        if (packet.OpenedAt is not null) return "Opened";
        return packet.TokenExpiresAt <= now ? "Link expired, not opened" : "Sent";
    }

    /// <summary>
    /// The packet's aid, where, method and health factors in the words of its aid version (English, the clinic's
    /// language); an id stands in only when that version is not on hand.
    /// </summary>
    public static PacketChoiceWords Choices(Packet packet, Aid? aid)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var words = aid?.Texts["en"];
        return new PacketChoiceWords(
            words?.Title.Value ?? packet.AidId,
            packet.Target is { } t ? words?.Targets.GetValueOrDefault(t)?.Name.Value ?? t : null,
            packet.Method is { } m ? words?.Methods.GetValueOrDefault(m)?.Name.Value ?? m : null,
            [.. packet.HealthFactorIds.Select(f => words?.HealthFactors.GetValueOrDefault(f)?.Name.Value ?? f)]);
    }

    /// <summary>"4 of 6 right" and the questions missed, or "not answered".</summary>
    public static (string Score, IReadOnlyList<string> Missed) Knowledge(Packet packet, Aid? aid)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (aid is null) return ("aid no longer in the library", []);
        var answers = packet.Answers.Where(a => a.Kind == "knowledge").ToDictionary(a => a.ItemId, a => a.Value, StringComparer.Ordinal);
        if (answers.Count == 0) return ("not answered", []);
        var right = aid.KnowledgeCheck.Count(q => answers.GetValueOrDefault(q.Id) == q.Answer);
        var missed = aid.KnowledgeCheck.Where(q => answers.ContainsKey(q.Id) && answers[q.Id] != q.Answer)
            .Select(q => aid.Texts["en"].KnowledgeCheck[q.Id].Question.Value).ToList();
        return (string.Create(CultureInfo.InvariantCulture, $"{right} of {aid.KnowledgeCheck.Count} right ({answers.Count} answered)"), missed);
    }

    /// <summary>SURE: "4 of 4 yes", flagged when any answer is no (a sign of decisional conflict).</summary>
    public static (string Summary, bool Conflict) Sure(Packet packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var answers = packet.Answers.Where(a => a.Kind == "sure").ToList();
        if (answers.Count == 0) return ("not answered", false);
        var yes = answers.Count(a => a.Value == "yes");
        var conflict = answers.Any(a => a.Value == "no");
        return (string.Create(CultureInfo.InvariantCulture, $"{yes} of {answers.Count} yes{(conflict ? ": some doubt, talk it through" : "")}"), conflict);
    }

    public const string AwaitingCountersign = "Signed: countersign";

    /// <summary>Where the consent stands, from the newest decision and the newest sealed record.</summary>
    public static string Consent(string? latestDecision, string? latestRecord) => (latestRecord, latestDecision) switch
    {
        ("withdrawal", _) => "Withdrawn",
        ("consent", _) => "Sealed",
        (_, "signed") => AwaitingCountersign,
        (_, "talk-first") => "Wants to talk first",
        (_, "declined") => "Declined",
        (_, "withdrawn") => "Signature withdrawn",
        _ => "Not yet",
    };
}

/// <summary>A packet's choices in words: null where and method are "not chosen".</summary>
public sealed record PacketChoiceWords(string Aid, string? Where, string? Method, IReadOnlyList<string> HealthFactors);
