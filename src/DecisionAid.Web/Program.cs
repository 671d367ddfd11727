using DecisionAid.Web.Aids;
using DecisionAid.Web.Api;
using DecisionAid.Web.Clinic;
using DecisionAid.Web.Consent;
using DecisionAid.Web.Data;
using DecisionAid.Web.Demo;
using DecisionAid.Web.Errors;
using DecisionAid.Web.Fhir;
using DecisionAid.Web.Library;
using DecisionAid.Web.Outcomes;
using DecisionAid.Web.Packets;
using DecisionAid.Web.Practices;
using DecisionAid.Web.Security;
using DecisionAid.Web.Tablet;

var builder = WebApplication.CreateBuilder(args);
builder.AddAidLibrary();
builder.AddStorage();
builder.AddClinicAccess();
builder.AddProxies();
builder.Services.AddPackets();
builder.Services.AddTabletMode();
builder.AddConsent();
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails();
builder.Services.AddLanguageRouting();
builder.Services.AddRazorPages(options =>
{
    options.RootDirectory = "/";
    options.Conventions.AddPageRoute("/Aids/Show", "/{lang:lang}/p/{slug}/aids/{id}"); // an aid under a practice's brand
});
builder.Services.AddPublicPageSpeed();

var app = builder.Build();
app.MigrateStorage();
await app.SeedDemoAsync();
app.UseProxies();
app.UseSecurityHeaders();
app.UseKeptPagesRoutingAndCompression();
app.UseLocalizedErrorPages();
app.UseStaticFiles();
app.UseTabletMode(); // before sign-in: a locked tablet never reaches a clinic page's sign-in challenge
app.UseClinicAccess();
app.UseOutputCache();
app.MapAidAssets();
app.MapDossiers();
app.MapBrandAssets();
app.MapLanguageRedirect();
app.MapHealth();
app.MapRazorPages();
app.MapPacketsApi();
app.MapPacketHandouts();
app.MapConsentDownloads();
app.MapFhirApi();
app.MapOutcomesExports();
app.MapOpenApi();
app.AnnounceUrls();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
