using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Packets;

/// <summary>
/// The post-visit survey's link: 256 random bits like the packet's link, stored only as a hash, expiring
/// (Packets:SurveyLinkDays, 30 by default) and ended with the packet. It opens the survey alone, so it needs no date
/// of birth: the survey shows nothing of the patient, and its page never shows the packet.
/// </summary>
public sealed class SurveyLinks(DecisionAidDb db, TimeProvider clock, IConfiguration config, AuditTrail audit)
{
    public TimeSpan Lifetime => TimeSpan.FromDays(config.GetValue("Packets:SurveyLinkDays", 30));

    public async Task<string> MakeAsync(Packet packet, Clinician clinician, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var (token, hash) = PacketLinks.NewToken();
        packet.SurveyTokenHash = hash;
        packet.SurveyTokenExpiresAt = clock.GetUtcNow().UtcDateTime + Lifetime;
        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        await audit.SaveAsync(new AuditEvent(AuditActions.SurveyLinkMade, AuditActions.Clinician(clinician), packet.PracticeId, packet.Id));
        await transaction.CommitAsync();
        return $"{Library.PublicAddress.Of(config, request)}/s/{token}";
    }

    /// <summary>The packet whose survey link this is, when the link is known, unexpired and the packet not revoked; else null (audited).</summary>
    public async Task<Packet?> OpenAsync(string token)
    {
        var packet = !PacketLinks.Plausible(token) ? null : await db.Packets.SingleOrDefaultAsync(p => p.SurveyTokenHash == PacketLinks.Hash(token));
        var now = clock.GetUtcNow().UtcDateTime;
        var refusal = packet is null ? "unknown survey link" : packet.RevokedAt is not null ? "revoked packet" : packet.SurveyTokenExpiresAt <= now ? "expired survey link" : null;
        await audit.SaveAsync(refusal is null
            ? new AuditEvent(AuditActions.SurveyOpened, AuditActions.Patient, packet!.PracticeId, packet.Id)
            : new AuditEvent(AuditActions.PacketUnlockFailed, "anonymous", packet?.PracticeId, packet?.Id, Detail: refusal));
        return refusal is null ? packet : null;
    }
}
