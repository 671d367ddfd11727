using DecisionAid.Core.Content;
using DecisionAid.Web.Library;
using DecisionAid.Web.Packets;
using Microsoft.AspNetCore.Mvc;

namespace DecisionAid.Web.Clinic.Packets;

/// <summary>One aid's choices and what the form holds for them (the partial _AidChoices).</summary>
public sealed record AidChoices(Aid Aid, NewModel.PacketForm Form);

/// <summary>What a new packet holds, in words, for the "Packet ready" panel.</summary>
public sealed record CreatedPacket(Guid Id, string PatientName, string Language, PacketChoiceWords Choices, string Link, string QrCode);

/// <summary>
/// A clinician prepares a packet: the aid, language, where, method and health factors, and who it is for. The form
/// names the aid its choices were shown for; a packet is made only when that is the aid in the list, so a list changed
/// without its choices (no script, or a stale page) never makes a packet of another aid.
/// </summary>
public sealed class NewModel(AidLibrary library, PacketLinks links, TimeProvider clock, PacketGroupCommit packets) : ClinicPage
{
    public sealed class PacketForm
    {
        public string Aid { get; set; } = "";
        /// <summary>The aid whose choices the form showed; empty from a client that posts fields directly.</summary>
        public string? ChoicesFor { get; set; }
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
    public CreatedPacket? Created { get; private set; }
    public int LinkDays => (int)links.Lifetime.TotalDays;

    public void OnGet(string? aid) => Aid = AidOrFirst(aid);

    /// <summary>The chosen aid's choices alone, for the script that swaps them in when the list changes.</summary>
    public IActionResult OnGetChoices(string? aid) =>
        library.Find(aid ?? "") is { } found ? Partial("_AidChoices", new AidChoices(found, new PacketForm { Aid = found.Id })) : NotFound();

    /// <summary>Without script: shows the choices of the aid in the list, keeping what was typed.</summary>
    public IActionResult OnPostChoose()
    {
        ShowChoicesOf(AidOrFirst(Form.Aid));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Aid = library.Find(Form.Aid);
        if (Aid is not null && !string.IsNullOrEmpty(Form.ChoicesFor) && Form.ChoicesFor != Aid.Id)
        {
            var shown = library.Find(Form.ChoicesFor)?.Texts["en"].Title.Value ?? Form.ChoicesFor;
            Errors.Add($"No packet was made: the decision aid is now {Aid.Texts["en"].Title.Value}, but the choices below the list were for {shown}. "
                + "The choices now shown are this aid's: check where, the method and the health factors, then create the packet.");
            ShowChoicesOf(Aid);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var request = new NewPacket(Form.Aid, Form.Language, Form.Target, Form.Method, Form.HealthFactors, Form.PatientName, Form.BirthDate, Form.RecordNumber);
        var now = clock.GetUtcNow().UtcDateTime;
        var problems = request.Validate(library, DateOnly.FromDateTime(now));
        if (problems.Count > 0 || Aid is null)
        {
            Errors.AddRange(problems.SelectMany(p => p.Value));
            Aid ??= AidOrFirst(null);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (packet, token) = request.Create(Aid, Clinician.PracticeId, Clinician.Id, now, links.Lifetime);
        await packets.SaveAsync(packet, AuditActions.Clinician(Clinician), HttpContext);
        var link = links.LinkFor(token, Request);
        Created = new CreatedPacket(packet.Id, packet.PatientName, $"{Languages.EnglishName(packet.Language)} ({Languages.Get(packet.Language).Name})",
            PacketStatus.Choices(packet, Aid), link, QrCodes.DataUri(link));
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The aid asked for, else the library's first (null only in an empty library).</summary>
    private Aid? AidOrFirst(string? id) => library.Find(id ?? "") ?? (library.Aids.Count > 0 ? library.Aids[0] : null);

    /// <summary>Shows an aid's choices, keeping the language and those choices the aid has; the rest of the form stays.</summary>
    private void ShowChoicesOf(Aid? aid)
    {
        Aid = aid;
        if (Aid is null) return;
        Form.Aid = Aid.Id;
        if (!Aid.Languages.Contains(Form.Language)) Form.Language = "en";
        if (Form.Target is not null && Aid.Personalisation.Targets.All(t => t.Id != Form.Target)) Form.Target = null;
        if (Form.Method is not null && Aid.Personalisation.Methods.All(m => m.Id != Form.Method)) Form.Method = null;
        Form.HealthFactors = [.. Form.HealthFactors.Where(f => Aid.Personalisation.HealthFactors.Any(h => h.Id == f))];
        ModelState.Clear();
    }
}
