using System.Numerics;

namespace CivilDefense.Core.Alerts.Targeting;

/// <summary>
/// One bit per indexed subscriber: marking twice is marking once, which is how a subscriber in
/// several polygons, circles and geocodes becomes one recipient. Whole cells are marked as ranges.
/// </summary>
internal sealed class RecipientMarks(int count)
{
    private readonly ulong[] _words = new ulong[(count + 63) / 64];

    public void Set(int position) => _words[position >> 6] |= 1UL << position;

    /// <summary>Marks positions [start, end).</summary>
    public void SetRange(int start, int end)
    {
        if (start >= end)
        {
            return;
        }

        var first = start >> 6;
        var last = (end - 1) >> 6;
        var headMask = ulong.MaxValue << start;
        var tailMask = ulong.MaxValue >> (63 - ((end - 1) & 63));
        if (first == last)
        {
            _words[first] |= headMask & tailMask;
            return;
        }

        _words[first] |= headMask;
        _words.AsSpan(first + 1, last - first - 1).Fill(ulong.MaxValue);
        _words[last] |= tailMask;
    }

    public int Count()
    {
        var total = 0;
        foreach (var word in _words)
        {
            total += BitOperations.PopCount(word);
        }

        return total;
    }

    /// <summary>The marked positions mapped through <paramref name="ids"/>, in position order.</summary>
    public int[] Select(int[] ids)
    {
        // Every element is written below: skipping the zeroing saves a pass over a large array.
        var result = GC.AllocateUninitializedArray<int>(Count());
        var n = 0;
        for (var w = 0; w < _words.Length; w++)
        {
            var word = _words[w];
            while (word != 0)
            {
                result[n++] = ids[(w << 6) + BitOperations.TrailingZeroCount(word)];
                word &= word - 1;
            }
        }

        return result;
    }
}
