using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering;
using DecisionAid.Web.Aids;
using DecisionAid.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Packets;

/// <summary>
/// The aid content of a packet as HTML: the packet page shows exactly this, and a consent seals its SHA-256 (and
/// keeps the HTML once per hash), so a record can prove and show what the patient read.
/// </summary>
public sealed class PacketContent(AidRenderer renderer, AidLibrary library, AidArchive archive, DecisionAidDb db)
{
    public async Task<string> RenderAsync(Packet packet, Aid aid)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(aid);
        var risks = YourRisks.For(aid, new PacketChoices(packet.Target, packet.Method, packet.HealthFactorIds));
        var options = new RenderOptions
        {
            // An older version's pictures are drawn inline: the picture URLs serve the current version.
            PictureUrl = archive.IsCurrent(aid) ? (id, picture) => AidAssets.PictureUrl(library, id, picture) : null,
            AidUrl = id => $"/{packet.Language}/aids/{id}",
        };
        var practice = await db.Practices.AsNoTracking().Include(p => p.Texts).SingleOrDefaultAsync(p => p.Id == packet.PracticeId);
        return await renderer.RenderPacketContentAsync(aid, packet.Language, risks, options, practice?.BrandIn(packet.Language));
    }
}
