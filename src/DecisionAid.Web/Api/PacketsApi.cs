using System.Security.Cryptography;
using System.Text;
using DecisionAid.Web.Clinic;
using DecisionAid.Web.Library;
using DecisionAid.Web.Packets;
using DecisionAid.Web.Security;
using Microsoft.EntityFrameworkCore;


namespace DecisionAid.Web.Api;

/// <summary>
/// The integration API for health-record systems: create a packet and read its status and answers. Each call
/// carries the practice's API key in the X-Api-Key header; only its SHA-256 is stored. Another practice's packet is 404.
/// </summary>
public static class PacketsApi
{
    public const string KeyHeader = "X-Api-Key";

    public sealed record CreatedPacket(Guid Id, string Link, string QrCodeSvg, DateTime LinkExpiresAt);

    public sealed record PacketAnswerDto(string Kind, string Item, string Value, DateTime UpdatedAt);

    public sealed record PacketStatusDto(
        Guid Id, string Aid, string Language, string ContentVersion, string? Target, string? Method, IReadOnlyList<string> HealthFactors,
        string Status, DateTime CreatedAt, DateTime? OpenedAt, DateTime? FinishedAt, string KnowledgeCheck, string Sure, IReadOnlyList<PacketAnswerDto> Answers);

    public static WebApplication MapPacketsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/packets").WithTags("Packets").AddEndpointFilter(RequireKey);

        api.MapPost("/", async (NewPacket request, HttpContext context, AidLibrary library, PacketLinks links, TimeProvider clock, PacketGroupCommit packets) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var problems = request.Validate(library, DateOnly.FromDateTime(now));
            if (problems.Count > 0) return Results.ValidationProblem(problems, title: "The packet request has errors");
            var key = (ApiKey)context.Items[nameof(ApiKey)]!;
            var (packet, token) = request.Create(library.Find(request.Aid!)!, key.PracticeId, $"api:{key.Id}", now, links.Lifetime);
            var saved = packets.SaveAsync(packet, AuditActions.ApiKey(key.Id), context);
            // The QR code is drawn while the writer commits (its CPU overlaps the wait); nothing is answered before the save.
            string link, qrCode;
            try
            {
                link = links.LinkFor(token, context.Request);
                qrCode = QrCodes.Svg(link);
            }
            catch
            {
                await saved; // never leave the save unobserved
                throw;
            }
            await saved;
            context.Response.Headers.CacheControl = "no-store";
            return Results.Created($"/api/packets/{packet.Id}", new CreatedPacket(packet.Id, link, qrCode, packet.TokenExpiresAt));
        })
        .WithSummary("Create a personalised packet and get the patient's link and QR code (shown only in this answer)")
        .Produces<CreatedPacket>(StatusCodes.Status201Created)
        .ProducesValidationProblem();

        api.MapGet("/{id:guid}", async (Guid id, HttpContext context, DecisionAidDb db, AidArchive archive, TimeProvider clock, AuditTrail audit) =>
        {
            var key = (ApiKey)context.Items[nameof(ApiKey)]!;
            var packet = await db.Packets.AsNoTracking().Include(p => p.Answers).SingleOrDefaultAsync(p => p.Id == id && p.PracticeId == key.PracticeId);
            // Every read through the API is audited, a miss too (it may be another practice's packet).
            await audit.SaveAsync(packet is null
                ? new AuditEvent(AuditActions.AccessDenied, AuditActions.ApiKey(key.Id), key.PracticeId, Detail: $"api read of packet {id}: no such packet in this practice")
                : new AuditEvent(AuditActions.PacketApiRead, AuditActions.ApiKey(key.Id), key.PracticeId, packet.Id));
            if (packet is null) return Results.NotFound();
            return Results.Ok(new PacketStatusDto(packet.Id, packet.AidId, packet.Language, packet.ContentVersion, packet.Target, packet.Method,
                packet.HealthFactorIds, PacketStatus.Of(packet, clock.GetUtcNow().UtcDateTime), packet.CreatedAt, packet.OpenedAt, packet.FinishedAt,
                PacketStatus.Knowledge(packet, await archive.ForPacketAsync(db, packet)).Score, PacketStatus.Sure(packet).Summary,
                [.. packet.Answers.OrderBy(a => a.Kind, StringComparer.Ordinal).ThenBy(a => a.ItemId, StringComparer.Ordinal)
                    .Select(a => new PacketAnswerDto(a.Kind, a.ItemId, a.Value, a.UpdatedAt))]));
        })
        .WithSummary("A packet's status and answers")
        .Produces<PacketStatusDto>()
        .Produces(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult TooManyWrongKeys(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "60";
        return Results.Problem("Too many wrong API keys from this address: wait a minute, then try again.", statusCode: StatusCodes.Status429TooManyRequests);
    }

    // Read on every API call, so compiled once (per model: SQLite's and PostgreSQL's).
    private static readonly CompiledPerModel<Func<DecisionAidDb, byte[], CancellationToken, Task<ApiKey?>>> KeyQuery = new(() =>
        EF.CompileAsyncQuery((DecisionAidDb db, byte[] hash, CancellationToken _) =>
            db.ApiKeys.AsNoTracking().SingleOrDefault(k => k.KeyHash == hash && k.RevokedAt == null)));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>401 without a valid, unrevoked, unexpired key; the key's practice is what the endpoint may see. Its last use is kept (to the minute).</summary>
    internal static async ValueTask<object?> RequireKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = http.Request.Headers[KeyHeader].ToString();
        if (presented.Length is < 20 or > 200) return Results.Problem($"Send the practice's API key in the {KeyHeader} header.", statusCode: StatusCodes.Status401Unauthorized);
        // Wrong keys count against the address in the database (every node counts the same); past the limit, no key is
        // even looked at from there until the minute is over (read in the key's own query, its timing would tell a right
        // key from a wrong one).
        var limits = http.RequestServices.GetRequiredService<AttemptLimits>();
        var allowed = http.RequestServices.GetRequiredService<AttemptLimitOptions>().PerMinute;
        var guesses = "apikey " + AttemptLimiting.Address(http);
        if (await limits.CountAsync(guesses, AttemptLimitOptions.Window, http.RequestAborted) >= allowed)
            return TooManyWrongKeys(http);
        var hash = Hash(presented);
        var db = http.RequestServices.GetRequiredService<DecisionAidDb>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var key = await KeyQuery.For(db)(db, hash, http.RequestAborted);
        if (key is null || key.ExpiresAt <= now)
        {
            await limits.TryAsync(guesses, allowed, AttemptLimitOptions.Window, http.RequestAborted);
            return key is null
                ? Results.Problem("This API key is not valid, or was revoked.", statusCode: StatusCodes.Status401Unauthorized)
                : Results.Problem("This API key has expired: a practice lead makes a new one.", statusCode: StatusCodes.Status401Unauthorized);
        }
        // Kept to the minute (what the keys page shows): a busy key writes it once a minute, not on every call.
        if (key.LastUsedAt is not { } last || now - last >= TimeSpan.FromMinutes(1))
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, now));
        http.Items[nameof(ApiKey)] = key;
        return await next(context);
    }
}
