using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Records.Data;

/// <summary>
/// The one database of the site: practices, clinicians (Identity), packets and answers, and the Data Protection
/// keys, so any node behind a load balancer can read what another wrote. SQLite by default, PostgreSQL by
/// configuration; each provider has its own migrations (see the two subclasses).
/// </summary>
public class DecisionAidDb(DbContextOptions options) : IdentityDbContext<Clinician>(options), IDataProtectionKeyContext
{
    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<PracticeText> PracticeTexts => Set<PracticeText>();
    public DbSet<Packet> Packets => Set<Packet>();
    public DbSet<PacketAnswer> PacketAnswers => Set<PacketAnswer>();
    public DbSet<PatientSession> PatientSessions => Set<PatientSession>();
    public DbSet<TabletSession> TabletSessions => Set<TabletSession>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ConsentDecision> ConsentDecisions => Set<ConsentDecision>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<ShownContent> ShownContents => Set<ShownContent>();
    public DbSet<PublishedAid> PublishedAids => Set<PublishedAid>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AttemptCount> AttemptCounts => Set<AttemptCount>();
    public DbSet<Outcomes.OutcomeCount> OutcomeCounts => Set<Outcomes.OutcomeCount>();
    public DbSet<Outcomes.OutcomeTally> OutcomeTallies => Set<Outcomes.OutcomeTally>();

    /// <summary>
    /// Every save that changes what a packet adds to the outcomes page recounts it in the same transaction
    /// (<see cref="Outcomes.OutcomeCounts"/>), so no write path can leave the kept counts behind.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = Outcomes.OutcomeCounts.Touched(ChangeTracker);
        if (pending.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await Outcomes.OutcomeCounts.LockAsync(this, pending.Stored, cancellationToken);
        // The entities count as saved only once the counts are written too: a failed count rolls both back, and a retry saves them again.
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        await Outcomes.OutcomeCounts.ApplyAsync(this, pending, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return saved;
    }

    /// <summary>Saves that change no packet's outcomes stay synchronous; the others take the one (async) counting path.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) => Outcomes.OutcomeCounts.Touched(ChangeTracker).IsEmpty
        ? base.SaveChanges(acceptAllChangesOnSuccess)
        : SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<Practice>(p =>
        {
            p.HasIndex(x => x.Slug).IsUnique();
            p.Property(x => x.Slug).HasMaxLength(60);
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.Phone).HasMaxLength(40);
            p.Property(x => x.PhoneAfterHours).HasMaxLength(40);
            p.Property(x => x.Address).HasMaxLength(400);
            p.Property(x => x.AccentColour).HasMaxLength(7);
            p.Property(x => x.LogoContentType).HasMaxLength(40);
            p.Property(x => x.TabletIdleMinutes).HasDefaultValue(5); // practices made before tablets get the default
            p.Property(x => x.TimeZone).HasMaxLength(64).HasDefaultValue("UTC");
        });
        builder.Entity<AttemptCount>(a =>
        {
            a.HasKey(x => new { x.Key, x.Window });
            a.Property(x => x.Key).HasMaxLength(AttemptLimits.MaxKeyLength);
        });
        builder.Entity<PracticeText>(t =>
        {
            t.HasKey(x => new { x.PracticeId, x.Language, x.Key });
            t.Property(x => x.Language).HasMaxLength(16);
            t.Property(x => x.Key).HasMaxLength(40);
            t.Property(x => x.Text).HasMaxLength(PracticeText.MaxLength);
            t.HasOne<Practice>().WithMany(p => p.Texts).HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Clinician>(c =>
        {
            c.Property(x => x.DisplayName).HasMaxLength(200);
            c.HasOne<Practice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Packet>(p =>
        {
            p.HasIndex(x => x.TokenHash).IsUnique();
            p.HasIndex(x => new { x.PracticeId, x.CreatedAt });
            p.Property(x => x.AidId).HasMaxLength(60);
            p.Property(x => x.Language).HasMaxLength(8);
            p.Property(x => x.ContentVersion).HasMaxLength(40);
            p.Property(x => x.ContentHash).HasMaxLength(64);
            p.Property(x => x.Target).HasMaxLength(60);
            p.Property(x => x.Method).HasMaxLength(60);
            p.Property(x => x.HealthFactors).HasMaxLength(600);
            p.Property(x => x.PatientName).HasMaxLength(200);
            p.Property(x => x.RecordNumber).HasMaxLength(60);
            p.Property(x => x.TokenHash).HasMaxLength(32);
            p.Property(x => x.SurveyTokenHash).HasMaxLength(32);
            p.HasIndex(x => x.SurveyTokenHash).IsUnique();
            p.HasOne<Practice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Restrict);
            p.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.PacketId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PatientSession>(s =>
        {
            s.HasKey(x => x.IdHash);
            s.Property(x => x.IdHash).HasMaxLength(32);
            s.Property(x => x.Scope).HasMaxLength(10).HasDefaultValue(PatientSession.PacketScope); // sessions open at the upgrade keep their packet
            s.HasOne<Packet>().WithMany().HasForeignKey(x => x.PacketId).OnDelete(DeleteBehavior.Cascade);
            s.HasOne<TabletSession>().WithMany().HasForeignKey(x => x.TabletId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TabletSession>(t =>
        {
            t.HasIndex(x => x.IdHash).IsUnique();
            t.Property(x => x.IdHash).HasMaxLength(32);
            t.HasOne<Clinician>().WithMany().HasForeignKey(x => x.ClinicianId).OnDelete(DeleteBehavior.Cascade);
            t.HasOne<Practice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ApiKey>(k =>
        {
            k.HasIndex(x => x.KeyHash).IsUnique();
            k.Property(x => x.KeyHash).HasMaxLength(32);
            k.Property(x => x.Name).HasMaxLength(100);
            k.HasOne<Practice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PacketAnswer>(a =>
        {
            a.HasKey(x => new { x.PacketId, x.Kind, x.ItemId });
            a.Property(x => x.Kind).HasMaxLength(20);
            a.Property(x => x.ItemId).HasMaxLength(60);
            a.Property(x => x.Value).HasMaxLength(2000);
        });
        builder.Entity<ConsentDecision>(d =>
        {
            d.HasIndex(x => new { x.PacketId, x.IdempotencyKey }).IsUnique();
            d.Property(x => x.Choice).HasMaxLength(20);
            d.Property(x => x.TypedName).HasMaxLength(200);
            d.Property(x => x.SignatureSvg).HasMaxLength(200_000);
            d.Property(x => x.Statement).HasMaxLength(20_000);
            d.Property(x => x.ContentHash).HasMaxLength(64);
            d.Property(x => x.AidVersion).HasMaxLength(40);
            d.Property(x => x.Ip).HasMaxLength(64);
            d.Property(x => x.UserAgent).HasMaxLength(400);
            d.Property(x => x.IdempotencyKey).HasMaxLength(64);
            d.HasOne<Packet>().WithMany().HasForeignKey(x => x.PacketId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ConsentRecord>(r =>
        {
            r.HasIndex(x => x.SealKey).IsUnique();
            r.HasIndex(x => x.PacketId);
            r.Property(x => x.Kind).HasMaxLength(20);
            r.Property(x => x.SealKey).HasMaxLength(80);
            r.Property(x => x.DocumentHash).HasMaxLength(64);
            r.Property(x => x.Hmac).HasMaxLength(64);
            r.HasOne<Packet>().WithMany().HasForeignKey(x => x.PacketId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<ConsentDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ShownContent>(c =>
        {
            c.HasKey(x => x.Hash);
            c.Property(x => x.Hash).HasMaxLength(64);
        });
        builder.Entity<PublishedAid>(a =>
        {
            a.HasKey(x => new { x.AidId, x.ContentHash });
            a.Property(x => x.AidId).HasMaxLength(80);
            a.Property(x => x.ContentHash).HasMaxLength(64);
            a.Property(x => x.Version).HasMaxLength(40);
        });
        builder.Entity<Outcomes.OutcomeCount>(c =>
        {
            c.HasKey(x => new { x.PracticeId, x.AidId, x.Day, x.Language, x.Version, x.Metric });
            c.Property(x => x.AidId).HasMaxLength(60);
            c.Property(x => x.Language).HasMaxLength(8);
            c.Property(x => x.Version).HasMaxLength(40);
            // Text without a limit: a knowledge-answer set names every question and choice of an aid.
        });
        builder.Entity<Outcomes.OutcomeTally>(t =>
        {
            t.HasKey(x => x.PacketId);
            t.Property(x => x.AidId).HasMaxLength(60);
            t.Property(x => x.Language).HasMaxLength(8);
            t.Property(x => x.Version).HasMaxLength(40);
            t.HasOne<Packet>().WithOne().HasForeignKey<Outcomes.OutcomeTally>(x => x.PacketId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedNever();
            e.HasIndex(x => x.PacketId);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.Actor).HasMaxLength(80);
            e.Property(x => x.Ip).HasMaxLength(64);
            e.Property(x => x.Detail).HasMaxLength(400);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
    }
}

/// <summary>The SQLite flavour: its own migrations (Data/Migrations/Sqlite).</summary>
public sealed class SqliteDecisionAidDb(DbContextOptions<SqliteDecisionAidDb> options) : DecisionAidDb(options);

/// <summary>The PostgreSQL flavour: its own migrations (Data/Migrations/Postgres).</summary>
public sealed class PostgresDecisionAidDb(DbContextOptions<PostgresDecisionAidDb> options) : DecisionAidDb(options);
