using DecisionAid.Records.Data;

namespace DecisionAid.Records.Consent;

public static class ConsentRecords
{
    /// <summary>
    /// A packet's current record: the one no other record supersedes (a withdrawal supersedes its consent, and the
    /// link is sealed in the withdrawal's document). The sealed time column is not used: it is not part of what is
    /// sealed, so a changed time cannot bring a withdrawn consent back. Should the rows disagree, a withdrawal wins.
    /// </summary>
    public static ConsentRecord? Current(IReadOnlyCollection<ConsentRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var superseded = records.Where(r => r.SupersedesId is not null).Select(r => r.SupersedesId!.Value).ToHashSet();
        return records.Where(r => !superseded.Contains(r.Id))
            .OrderBy(r => r.Kind == ConsentRecord.Withdrawal ? 1 : 0).ThenBy(r => r.SealedAt).LastOrDefault();
    }
}
