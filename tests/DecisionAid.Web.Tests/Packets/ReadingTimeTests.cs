using System.Net;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Consent;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Packets;

/// <summary>The packet page reports reading time in 30-second steps; only the patient's own session counts, and there is a cap.</summary>
public sealed class ReadingTimeTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_visible_half_minute_adds_thirty_seconds_to_the_patients_own_packet(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        var page = await (await s.Patient.GetAsync("/packet")).Content.ReadAsStringAsync();
        Assert.Contains("data-reading", page, StringComparison.Ordinal);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NoContent, (await SignedInClinic.PostFormAsync(s.Patient, "/packet?handler=Reading", [], "/packet")).StatusCode);
        // Without the patient's session there is nothing to count.
        var stranger = s.Clinic.NewBrowser();
        Assert.NotEqual(HttpStatusCode.NoContent, (await stranger.PostAsync("/packet?handler=Reading", new FormUrlEncodedContent([]))).StatusCode);
        await using var db = s.Clinic.Database.Open();
        Assert.Equal(90, (await db.Packets.SingleAsync()).ReadingSeconds);
        await db.Packets.ExecuteUpdateAsync(u => u.SetProperty(p => p.ReadingSeconds, DecisionAid.Web.Packets.ShowModel.MaxReadingSeconds));
        await SignedInClinic.PostFormAsync(s.Patient, "/packet?handler=Reading", [], "/packet");
        Assert.Equal(DecisionAid.Web.Packets.ShowModel.MaxReadingSeconds, (await db.Packets.AsNoTracking().SingleAsync()).ReadingSeconds);
    }
}
