using DecisionAid.Web.Packets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Web.Tests.Packets;

/// <summary>A packet's content is rendered once for every packet with the same choices and brand (issue 18).</summary>
public class PacketContentTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Packets_with_the_same_choices_share_one_rendering_and_a_brand_change_or_other_choices_render_anew()
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
        var content = scope.ServiceProvider.GetRequiredService<PacketContent>();
        var aid = scope.ServiceProvider.GetRequiredService<AidLibrary>().Find("neurolysis")!;
        var practice = new Practice { Id = Guid.NewGuid(), Slug = $"pc{Guid.NewGuid():N}"[..20], Name = "Cedar Clinic", Phone = "555-0101", CreatedAt = DateTime.UtcNow };
        db.Practices.Add(practice);
        Packet Make(string target, string name) =>
            new NewPacket(aid.Id, "en", target, "heat", ["blood-thinners"], name, new DateOnly(1950, 1, 1), null).Create(aid, practice.Id, "test", DateTime.UtcNow, TimeSpan.FromDays(1)).Packet;
        var first = Make("genicular", "Ann Lee");
        var second = Make("genicular", "Bo Chen");
        var other = Make("intercostal", "Cy Diaz");
        db.Packets.AddRange(first, second, other);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var html = await content.RenderAsync(first, aid);
        Assert.Same(html, await content.RenderAsync(second, aid)); // one rendering, kept
        Assert.DoesNotContain("Ann Lee", html, StringComparison.Ordinal); // nothing of the patient's own
        var otherHtml = await content.RenderAsync(other, aid);
        Assert.NotEqual(html, otherHtml);
        Assert.Contains("555-0101", html, StringComparison.Ordinal);

        await db.Practices.Where(p => p.Id == practice.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Phone, "555-0199"), TestContext.Current.CancellationToken);
        var rebranded = await content.RenderAsync(first, aid);
        Assert.Contains("555-0199", rebranded, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0101", rebranded, StringComparison.Ordinal);
    }
}
