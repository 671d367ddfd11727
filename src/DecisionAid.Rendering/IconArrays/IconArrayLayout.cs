using DecisionAid.Core.Content;

namespace DecisionAid.Rendering.IconArrays;

/// <summary>
/// Where the people of "N in D" go, drawn the same on screen (<see cref="IconArraySvg"/>) and on paper
/// (Pdf/IconArrayForm): 10 to a row, 100 to a block, blocks five across (1,000 = 10 blocks of 100). Highlighted
/// people are solid, the others hollow outlines (shape, not colour alone); a range's upper part is half-filled. When
/// only a few people are highlighted (10 or fewer), they are ringed in the highlight colour: one person in 1,000 is
/// 6 px wide on a phone, and the ring makes it easy to find.
/// </summary>
public sealed class IconArrayLayout
{
    public const int Cell = 12;             // one person, with spacing
    public const int Gap = 10;              // between blocks of 100
    public const int BlocksPerLine = 5;
    public const int BlockSize = 10 * Cell;
    public const int FewHighlighted = 10;   // at most this many are ringed
    public const int RingGap = 9;           // how far a ring stands off the people it marks
    public const float RingWidth = 4.5f, RingRadius = 6;

    /// <summary>A person, drawn inside its 12-unit cell with its outline (a screen tile clips what sticks out): a head
    /// (a circle of radius 2.4 at 6,3) and shoulders (a half circle of radius 4 on a short base), both written as cubic
    /// curves, which a PDF draws as they are (arcs it would cut into many small pieces).</summary>
    public const string Head = "M8.4 3C8.4 4.3255 7.3255 5.4 6 5.4C4.6745 5.4 3.6 4.3255 3.6 3C3.6 1.6745 4.6745 0.6 6 0.6C7.3255 0.6 8.4 1.6745 8.4 3Z";
    public const string Body = "M2 11.5V9C2 6.791 3.791 5 6 5C8.209 5 10 6.791 10 9V11.5Z";
    /// <summary>The filled lower half of a "maybe" person's body.</summary>
    public const string MaybeBody = "M2 11.5V9h8v2.5z";

    /// <summary>x: highlighted (one of the N), m: maybe (inside a range's upper part), o: everyone else.</summary>
    public const char Highlighted = 'x', Maybe = 'm', Other = 'o';

    private readonly Frequency _frequency;

    public IconArrayLayout(Frequency frequency, IconTone tone)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        _frequency = frequency;
        var d = frequency.Denominator;
        var blocks = (d + 99) / 100;
        var lines = (blocks + BlocksPerLine - 1) / BlocksPerLine;
        var blocksAcross = Math.Min(blocks, BlocksPerLine);
        var rowsInLastBlock = d >= 100 ? 10 : (d + 9) / 10;
        Width = (blocksAcross * BlockSize) + ((blocksAcross - 1) * Gap);
        Height = d >= 100 ? (lines * BlockSize) + ((lines - 1) * Gap) : rowsInLastBlock * Cell;
        Colour = tone == IconTone.Risk ? "#a4262c" : "#0b6b3a";
        var highlighted = frequency.CountHigh ?? frequency.Count;
        if (highlighted is > 0 and <= FewHighlighted && d > FewHighlighted)
            Ring = (-RingGap, -RingGap, (highlighted * Cell) + (2 * RingGap), Cell + (2 * RingGap));
        // Room around the grid for a ring at its edge.
        Margin = Ring is null ? 0 : RingGap + 2;
    }

    public int Width { get; }
    public int Height { get; }
    public int Margin { get; }
    public string Colour { get; }

    /// <summary>The ring around the first few people (they fill the top row of the first block), when there is one.</summary>
    public (int X, int Y, int Width, int Height)? Ring { get; }

    public IReadOnlyList<char> Kinds => _frequency.IsRange ? [Highlighted, Maybe, Other] : [Highlighted, Other];

    /// <summary>How a kind of person is painted: solid, hollow, or outlined in colour with the lower half filled.</summary>
    public static (string Fill, string Stroke, float StrokeWidth) Paint(char kind, string colour) => kind switch
    {
        Highlighted => (colour, colour, 1),
        Maybe => ("#fff", colour, 1.6f),
        _ => ("#fff", "#6b7280", 1),
    };

    public sealed record Run(char Kind, int Row, int Column, int Rows, int Columns);

    public sealed record Block(int X, int Y, IReadOnlyList<Run> Runs);

    /// <summary>Each block's corner and its runs of people of one kind, row by row: the rest of a first row, the
    /// whole rows, then the start of a last row.</summary>
    public IEnumerable<Block> Blocks()
    {
        var d = _frequency.Denominator;
        for (var block = 0; block * 100 < d; block++)
        {
            var first = block * 100;
            var size = Math.Min(100, d - first);
            var runs = new List<Run>();
            var start = 0;
            while (start < size)
            {
                var kind = KindOf(first + start);
                var end = start;
                while (end < size && KindOf(first + end) == kind) end++;
                while (start < end)
                {
                    var (row, column) = (start / 10, start % 10);
                    var (rows, columns) = column == 0 && end - start >= 10 ? ((end - start) / 10, 10) : (1, Math.Min(10 - column, end - start));
                    runs.Add(new Run(kind, row, column, rows, columns));
                    start += rows * columns;
                }
            }
            yield return new Block(block % BlocksPerLine * (BlockSize + Gap), block / BlocksPerLine * (BlockSize + Gap), runs);
        }
    }

    /// <summary>Every person's cell corner and kind.</summary>
    public IEnumerable<(float X, float Y, char Kind)> People() =>
        from block in Blocks()
        from run in block.Runs
        from r in Enumerable.Range(run.Row, run.Rows)
        from c in Enumerable.Range(run.Column, run.Columns)
        select ((float)block.X + (c * Cell), (float)block.Y + (r * Cell), run.Kind);

    private char KindOf(int index) =>
        index < _frequency.Count ? Highlighted : index < (_frequency.CountHigh ?? _frequency.Count) ? Maybe : Other;
}
