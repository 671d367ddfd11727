using System.Collections.Concurrent;

namespace DecisionAid.Rendering;

/// <summary>
/// Values made once and kept for everyone who asks with the same key (drawings, font cuts, rendered HTML): safe to use
/// from several threads at once, and holding at most <c>max</c>; past that it starts again rather than grow (a caller
/// still using a value keeps it alive). Two callers making the same value at once both make it; one is kept.
/// </summary>
public sealed class KeptValues<TKey, TValue>(int max, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);

    public IEnumerable<TValue> Values => _values.Values;

    public TValue GetOrMake(TKey key, Func<TKey, TValue> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        return _values.TryGetValue(key, out var value) ? value : Keep(key, make(key));
    }

    public async Task<TValue> GetOrMakeAsync(TKey key, Func<Task<TValue>> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        return _values.TryGetValue(key, out var value) ? value : Keep(key, await make());
    }

    private TValue Keep(TKey key, TValue value)
    {
        if (_values.Count >= max) _values.Clear();
        return _values.GetOrAdd(key, value);
    }
}
