using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering;
using DecisionAid.Web.Aids;
using DecisionAid.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Packets;

/// <summary>
/// The aid content of a packet as HTML: the packet page shows exactly this, and a consent seals its SHA-256 (and
/// keeps the HTML once per hash), so a record can prove and show what the patient read. It depends only on the aid
/// version, the language, the packet's choices and the practice's brand, never on the patient, so each rendering is
/// kept (<see cref="RenderedPackets"/>) for every packet and view with the same ones: rendering it took most of a
/// packet view's time.
/// </summary>
public sealed class PacketContent(AidRenderer renderer, AidLibrary library, AidArchive archive, DecisionAidDb db, RenderedPackets rendered)
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
        var brand = practice?.BrandIn(packet.Language);
        var key = new RenderedPackets.Key(aid.Id, aid.ContentHash, packet.Language, packet.Target, packet.Method,
            string.Join(',', packet.HealthFactorIds), archive.IsCurrent(aid), brand);
        return await rendered.GetOrRenderAsync(key, () => renderer.RenderPacketContentAsync(aid, packet.Language, risks, options, brand));
    }
}

/// <summary>Packet content already rendered, by everything it depends on; at most <see cref="MaxEntries"/> kept.</summary>
public sealed class RenderedPackets
{
    public const int MaxEntries = 500;
    private readonly KeptValues<Key, string> _html = new(MaxEntries);

    /// <summary>What a packet's content depends on: the aid version, the language, the choices, whether its pictures
    /// are the current version's (linked) or an older one's (inline), and the brand (a record of strings, compared by value).</summary>
    public sealed record Key(string AidId, string ContentHash, string Language, string? Target, string? Method, string HealthFactors, bool CurrentVersion, DecisionAid.Rendering.Document.PracticeBrand? Brand);

    public Task<string> GetOrRenderAsync(Key key, Func<Task<string>> render) => _html.GetOrMakeAsync(key, render);
}
