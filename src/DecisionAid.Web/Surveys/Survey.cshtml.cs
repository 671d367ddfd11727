using DecisionAid.Core.Surveys;
using DecisionAid.Web.Packets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Surveys;

/// <summary>
/// The post-visit survey, one question per screen (?q=1 to 8, then a summary at 9). "Next" saves the rating, "Skip"
/// saves it as skipped; either way the next question follows. Open to a packet session and to a survey-only session
/// (the survey link, or the tablet); a signed consent does not freeze it.
/// </summary>
public sealed class SurveyModel(PatientSessions sessions, DecisionAidDb db, TimeProvider clock) : PageModel
{
    public Packet Packet { get; private set; } = default!;
    public Practices.Brand? Brand { get; private set; }
    public int? TabletIdleSeconds { get; private set; }
    /// <summary>1 to the number of items, or one more for the summary.</summary>
    public int Number { get; private set; }
    public SurveyItem? Item => Number <= VisitSurvey.Items.Count ? VisitSurvey.Items[Number - 1] : null;
    public bool MissingChoice { get; private set; }

    public string? Answer(string item) => Packet.Answers.FirstOrDefault(a => a.Kind == AnswerKinds.Survey && a.ItemId == item)?.Value;

    public async Task<IActionResult> OnGetAsync(int? q, bool summary = false)
    {
        FromSummary = summary;
        if (await Load() is { } elsewhere) return Redirect(elsewhere);
        var open = VisitSurvey.Items.ToList().FindIndex(i => Answer(i.Id) is null);
        Number = q ?? (open < 0 ? VisitSurvey.Items.Count : open) + 1;
        if (Number < 1 || Number > VisitSurvey.Items.Count + 1) return Redirect("/packet/survey");
        return Page();
    }

    /// <summary>Came from the summary ("Change"): saving goes back there.</summary>
    public bool FromSummary { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? item, string? value, string? skip, bool summary = false)
    {
        if (await Load() is { } elsewhere) return Redirect(elsewhere);
        var index = VisitSurvey.Items.ToList().FindIndex(i => i.Id == item);
        if (index < 0) return BadRequest("unknown survey question");
        var answer = skip is not null ? VisitSurvey.Skipped : (value ?? "").Trim();
        if (!VisitSurvey.IsAnswer(answer))
        {
            Number = index + 1;
            MissingChoice = true;
            FromSummary = summary;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        AnswerKinds.Put(Packet, AnswerKinds.Survey, item!, answer, now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A double tap: the other request saved this item first. The newer answer replaces it.
            db.ChangeTracker.Clear();
            await OutcomeCounts.ExecuteAsync(db, Packet.Id, () => db.PacketAnswers.Where(a => a.PacketId == Packet.Id && a.Kind == AnswerKinds.Survey && a.ItemId == item)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Value, answer).SetProperty(a => a.UpdatedAt, now)));
        }
        return Redirect(summary ? $"/packet/survey?q={VisitSurvey.Items.Count + 1}" : $"/packet/survey?q={index + 2}");
    }

    /// <summary>Null when the survey is open to this session; else where to go instead.</summary>
    private async Task<string?> Load()
    {
        Response.Headers.CacheControl = "no-store";
        if (await sessions.VisitAsync(HttpContext) is not { } visit)
            return PatientSessions.NoSessionPage(Request);
        Packet = visit.Packet;
        TabletIdleSeconds = visit.IdleSeconds;
        if (await db.Practices.FindAsync(Packet.PracticeId) is { } practice) Brand = Practices.Brand.Of(practice);
        return null;
    }
}
