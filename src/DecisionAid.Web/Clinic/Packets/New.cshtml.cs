using DecisionAid.Core.Content;
using DecisionAid.Web.Library;
using DecisionAid.Web.Packets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DecisionAid.Web.Clinic.Packets;

/// <summary>A clinician prepares a packet: the aid, language, nerve, method and health factors, and who it is for.</summary>
public sealed class NewModel(AidLibrary library, DecisionAidDb db, PacketLinks links, TimeProvider clock, AuditTrail audit) : ClinicPage
{
    public sealed class PacketForm
    {
        public string Aid { get; set; } = "";
        public string Language { get; set; } = "en";
        public string? Target { get; set; }
        public string? Method { get; set; }
        public List<string> HealthFactors { get; set; } = [];
        public string PatientName { get; set; } = "";
        public DateOnly? BirthDate { get; set; }
        public string? RecordNumber { get; set; }
    }

    [BindProperty] public PacketForm Form { get; set; } = new();
    public IReadOnlyList<Aid> Aids => library.Aids;
    public Aid? Aid { get; private set; }
    public List<string> Errors { get; } = [];
    public string? Link { get; private set; }
    public string QrCode { get; private set; } = "";
    public Guid CreatedId { get; private set; }
    public string CreatedFor { get; private set; } = "";
    public int LinkDays => (int)links.Lifetime.TotalDays;

    public void OnGet(string? aid) => Aid = library.Find(aid ?? "") ?? (library.Aids.Count > 0 ? library.Aids[0] : null);

    public async Task<IActionResult> OnPostAsync()
    {
        Aid = library.Find(Form.Aid);
        var request = new NewPacket(Form.Aid, Form.Language, Form.Target, Form.Method, Form.HealthFactors, Form.PatientName, Form.BirthDate, Form.RecordNumber);
        var now = clock.GetUtcNow().UtcDateTime;
        var problems = request.Validate(library, DateOnly.FromDateTime(now));
        if (problems.Count > 0 || Aid is null)
        {
            Errors.AddRange(problems.SelectMany(p => p.Value));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (packet, token) = request.Create(Aid, Clinician.PracticeId, Clinician.Id, now, links.Lifetime);
        db.Packets.Add(packet);
        await audit.SaveAsync(Fingerprints.PacketCreated(packet, AuditActions.Clinician(Clinician)));
        Link = links.LinkFor(token, Request);
        CreatedFor = packet.PatientName;
        CreatedId = packet.Id;
        QrCode = QrCodes.DataUri(Link);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
