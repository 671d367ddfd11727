using System.Text;
using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Web.Data;
using DecisionAid.Web.Library;
using DecisionAid.Web.Packets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace DecisionAid.Web.Clinic.Packets;

/// <summary>A clinician prepares a packet: the aid, language, nerve, method and health factors, and who it is for.</summary>
public sealed class NewModel(UserManager<Clinician> users, AidLibrary library, DecisionAidDb db, PacketLinks links, TimeProvider clock) : ClinicPage(users)
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
    public string CreatedFor { get; private set; } = "";
    public int LinkDays => (int)links.Lifetime.TotalDays;

    public void OnGet(string? aid) => Aid = library.Find(aid ?? "") ?? (library.Aids.Count > 0 ? library.Aids[0] : null);

    public async Task<IActionResult> OnPostAsync()
    {
        Aid = library.Find(Form.Aid);
        if (Aid is null)
        {
            Errors.Add("Choose a decision aid.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var choices = new PacketChoices(Blank(Form.Target), Blank(Form.Method), Form.HealthFactors);
        Errors.AddRange(choices.Problems(Aid));
        if (!Aid.Texts.ContainsKey(Form.Language)) Errors.Add($"The aid is not written in '{Form.Language}'.");
        var name = Form.PatientName.Trim();
        if (name.Length is 0 or > 200) Errors.Add("Enter the patient's name (up to 200 characters).");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (Form.BirthDate is not { } birth || birth > today || birth < today.AddYears(-130)) Errors.Add("Enter the patient's date of birth (not in the future).");
        if (Form.RecordNumber?.Trim().Length > 60) Errors.Add("The record number can be up to 60 characters.");
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (token, hash) = PacketLinks.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Packets.Add(new Packet
        {
            Id = Guid.NewGuid(), PracticeId = Clinician.PracticeId, CreatedById = Clinician.Id, AidId = Aid.Id, Language = Form.Language,
            ContentVersion = Aid.Version, ContentHash = Aid.ContentHash, Target = choices.Target, Method = choices.Method,
            HealthFactors = string.Join(' ', choices.HealthFactors), PatientName = name, PatientBirthDate = Form.BirthDate!.Value,
            RecordNumber = Blank(Form.RecordNumber?.Trim()), TokenHash = hash, TokenExpiresAt = now + links.Lifetime, CreatedAt = now,
        });
        await db.SaveChangesAsync();
        Link = $"{Request.Scheme}://{Request.Host}/p/{token}";
        CreatedFor = name;
        using var data = QRCodeGenerator.GenerateQrCode(Link, QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(4)));
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
