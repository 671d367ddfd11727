using System.Collections.Concurrent;
using System.IO.Compression;
using DecisionAid.Core.Content;
using DecisionAid.Core.Loading;
using DecisionAid.Records.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DecisionAid.Records.Library;

/// <summary>
/// Every aid version the site has published, so a packet, its handout, its consent and its outcomes always use the
/// version the packet was made with. At start, each aid of the library is stored once (its folder zipped, keyed by
/// id and content hash) in the database every node shares; an older version is loaded back from there on first
/// use, checked to hash to what the packet names, and kept in memory (versions never change).
/// </summary>
public sealed class AidArchive(AidLibrary library, ILogger<AidArchive> log)
{
    private readonly ConcurrentDictionary<(string Id, string Hash), Aid> _older = new();

    /// <summary>Stores each aid of the library whose version is not stored yet (new content, or a first start).</summary>
    public async Task PublishAsync(DecisionAidDb db, DateTime now, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var aid in library.Aids)
        {
            if (await db.PublishedAids.AnyAsync(p => p.AidId == aid.Id && p.ContentHash == aid.ContentHash, cancel)) continue;
            db.PublishedAids.Add(new PublishedAid { AidId = aid.Id, ContentHash = aid.ContentHash, Version = aid.Version, Files = Zip(Folder(aid)), PublishedAt = now });
            try
            {
                await db.SaveChangesAsync(cancel);
                if (log.IsEnabled(LogLevel.Information)) log.LogInformation("Published {Aid} {Version} ({Hash})", aid.Id, aid.Version, aid.ContentHash);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                // Another node stored the same version first; anything else is a real failure.
                if (!await db.PublishedAids.AsNoTracking().AnyAsync(p => p.AidId == aid.Id && p.ContentHash == aid.ContentHash, cancel)) throw;
            }
        }
    }

    /// <summary>The aid version a packet was made with: the library's when it is the current one, else the stored one.</summary>
    public async Task<Aid?> ForPacketAsync(DecisionAidDb db, Packet packet, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return await FindAsync(db, packet.AidId, packet.ContentHash, cancel);
    }

    public async Task<Aid?> FindAsync(DecisionAidDb db, string aidId, string contentHash, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (library.Find(aidId) is { } current && current.ContentHash == contentHash) return current;
        if (_older.TryGetValue((aidId, contentHash), out var older)) return older;
        var stored = await db.PublishedAids.AsNoTracking().SingleOrDefaultAsync(p => p.AidId == aidId && p.ContentHash == contentHash, cancel);
        if (stored is null)
        {
            // A packet from before versions were stored (or generated demo data): its bytes are gone. The current
            // version is shown only when it carries the same version number; the consent still seals what was shown.
            var fallback = library.Find(aidId) is { } now && await db.Packets.AsNoTracking()
                .AnyAsync(p => p.AidId == aidId && p.ContentHash == contentHash && p.ContentVersion == now.Version, cancel) ? now : null;
            if (log.IsEnabled(LogLevel.Warning))
                log.LogWarning("No stored version {Hash} of the aid {Aid}; {Outcome}", contentHash, aidId, fallback is null ? "not shown" : "showing the current one of the same version number");
            // The library does not change while the site runs, so the answer holds: remember it instead of asking on every request.
            return fallback is null ? null : _older.GetOrAdd((aidId, contentHash), fallback);
        }
        var aid = Load(stored);
        return _older.GetOrAdd((aidId, contentHash), aid);
    }

    /// <summary>
    /// The aid each content version of <paramref name="current"/>'s packets was shown in, for scoring their answers
    /// (an answer key may change between versions): the current aid for its own version, else the newest stored aid of
    /// that version number. A version whose content was never stored (packets from before versions were stored, or
    /// generated demo data) is scored with the current aid, as nothing else is known of it.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Aid>> ByVersionAsync(DecisionAidDb db, Aid current, IEnumerable<string> versions, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(versions);
        var aids = new Dictionary<string, Aid>(StringComparer.Ordinal);
        foreach (var version in versions.Distinct(StringComparer.Ordinal))
        {
            if (version == current.Version) { aids[version] = current; continue; }
            var hash = await db.PublishedAids.AsNoTracking().Where(p => p.AidId == current.Id && p.Version == version)
                .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.ContentHash).Select(p => p.ContentHash).FirstOrDefaultAsync(cancel);
            aids[version] = (hash is null ? null : await FindAsync(db, current.Id, hash, cancel)) ?? current;
        }
        return aids;
    }

    /// <summary>True when <paramref name="aid"/> is the version the library serves now (its pictures have URLs).</summary>
    public bool IsCurrent(Aid aid) => library.Find(aid.Id) is { } current && ReferenceEquals(current, aid);

    private static Aid Load(PublishedAid stored)
    {
        var root = Path.Combine(Path.GetTempPath(), $"pda-archive-{Guid.NewGuid():N}");
        var folder = Path.Combine(root, stored.AidId);
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(stored.Files), ZipArchiveMode.Read)) zip.ExtractToDirectory(folder);
            var diagnostics = new Diagnostics();
            var aid = AidLoader.Load(folder, $"published/{stored.AidId}@{stored.Version}", diagnostics)
                ?? throw new InvalidOperationException($"the stored version {stored.Version} of {stored.AidId} does not load: {string.Join("; ", diagnostics.Findings)}");
            if (aid.ContentHash != stored.ContentHash)
                throw new InvalidOperationException($"the stored version {stored.Version} of {stored.AidId} hashes to {aid.ContentHash}, not {stored.ContentHash}");
            return aid;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Folder(Aid aid) => Path.GetDirectoryName(aid.Location.Path) ?? throw new InvalidOperationException($"no folder for {aid.Id}");

    private static byte[] Zip(string folder)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                zip.CreateEntryFromFile(file, Path.GetRelativePath(folder, file).Replace('\\', '/'), CompressionLevel.Optimal);
        }
        return output.ToArray();
    }
}
