using DecisionAid.Web.Clinic;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Consent;

/// <summary>
/// The clinician's side of a packet's consent: the patient's decision and signature, the countersignature (the
/// conversation took place; interpreter and witness if any; the password again), the sealed records with their
/// downloads, and recording a withdrawal. Another practice's packet is 404, and the attempt is audited.
/// </summary>
public sealed class CountersignModel(SignInManager<Clinician> signIns, DecisionAidDb db, ConsentSteps steps, AuditTrail audit)
    : ClinicPage
{
    public Packet Packet { get; private set; } = default!;
    public ConsentState State { get; private set; } = default!;
    public IReadOnlyList<ConsentRecord> Records { get; private set; } = [];
    public IReadOnlyList<ConsentDecision> Decisions { get; private set; } = [];
    /// <summary>The signature the newest record sealed, or the one waiting: what the clinician reads before signing.</summary>
    public ConsentDecision? Signature => State.AwaitingCountersign ? State.Latest : Decisions.LastOrDefault(d => d.Id == Records.LastOrDefault(r => r.Kind == ConsentRecord.Consent)?.DecisionId);

    /// <summary>The drawn signature as an image: an SVG in an img element runs no script, whatever the stored text holds.</summary>
    public static string SignatureImage(string svg) => "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    public string? Problem { get; private set; }
    public string IdempotencyKey { get; } = Security.Secrets.Token();

    [BindProperty] public bool ConversationConfirmed { get; set; }
    [BindProperty] public string? InterpreterName { get; set; }
    [BindProperty] public string? InterpreterLanguage { get; set; }
    [BindProperty] public string? Witness { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await Load(id)) return NotFound();
        await audit.SaveAsync(new AuditEvent(AuditActions.ConsentViewed, AuditActions.Clinician(Clinician), Packet.PracticeId, Packet.Id));
        return Page();
    }

    public async Task<IActionResult> OnPostCountersignAsync(Guid id, Guid decision, string? password)
    {
        if (!await Load(id)) return NotFound();
        if (!await FreshPasswordAsync(password)) return await Again("Your password was not right. Enter it again to sign.");
        var result = await steps.CountersignAsync(Packet, Clinician, decision,
            new Countersignature(ConversationConfirmed, InterpreterName, InterpreterLanguage, Witness), HttpContext);
        return result.Done ? Redirect($"/clinic/packets/{id}/consent#records") : await Again($"Not signed: {result.Refusal}.");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? password, bool confirm, string? idempotency)
    {
        if (!await Load(id)) return NotFound();
        if (!confirm) return await Again("Tick the box to confirm that the patient withdrew their consent.");
        if (!await FreshPasswordAsync(password)) return await Again("Your password was not right. Enter it again to record the withdrawal.");
        var key = idempotency is { Length: >= 16 and <= 44 } k ? k : Security.Secrets.Token();
        var result = await steps.WithdrawAsync(Packet, Clinician, key + ":withdraw", HttpContext);
        return result.Done ? Redirect($"/clinic/packets/{id}/consent#records") : await Again($"Not recorded: {result.Refusal}.");
    }

    /// <summary>Signing needs the password again, even in a signed-in session (fresh authentication); failures count toward the lockout.</summary>
    private async Task<bool> FreshPasswordAsync(string? password)
    {
        if (string.IsNullOrEmpty(password)) return false;
        var check = await signIns.CheckPasswordSignInAsync(Clinician, password, lockoutOnFailure: true);
        if (check.Succeeded) return true;
        await audit.SaveAsync(new AuditEvent(AuditActions.StepRefused, AuditActions.Clinician(Clinician), Packet.PracticeId, Packet.Id,
            Detail: check.IsLockedOut ? "password: account locked" : "password: wrong"));
        return false;
    }

    private async Task<IActionResult> Again(string problem)
    {
        Problem = problem;
        await Load(Packet.Id);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> Load(Guid id)
    {
        var packet = await db.Packets.Include(p => p.Answers).SingleOrDefaultAsync(p => p.Id == id);
        if (packet is null || packet.PracticeId != Clinician.PracticeId)
        {
            await audit.SaveAsync(new AuditEvent(AuditActions.AccessDenied, AuditActions.Clinician(Clinician), Clinician.PracticeId, packet?.Id,
                Detail: $"consent of packet {id}: {(packet is null ? "no such packet" : "another practice")}"));
            return false;
        }
        Packet = packet;
        State = await steps.StateAsync(id);
        Records = await db.ConsentRecords.AsNoTracking().Where(r => r.PacketId == id).OrderBy(r => r.SealedAt).ToListAsync();
        Decisions = await db.ConsentDecisions.AsNoTracking().Where(d => d.PacketId == id).OrderBy(d => d.At).ToListAsync();
        Response.Headers.CacheControl = "no-store";
        return true;
    }
}
