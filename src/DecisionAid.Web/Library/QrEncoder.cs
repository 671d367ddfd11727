using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace DecisionAid.Web.Library;

/// <summary>
/// QR code symbols (ISO/IEC 18004) for our links and authenticator keys: byte mode, error correction level M, the
/// smallest of versions 1 to 40 that holds the text, and the mask with the lowest penalty under the standard's four
/// rules. Text with characters beyond ASCII is sent as UTF-8 behind an ECI header (assignment 26).
/// Written here, not taken from QRCoder: choosing the mask, QRCoder spent a fifth to a third of an API call's CPU
/// (0.24 ms a link, against 0.036 ms here in the same run; bench/README.md). The tests hold every version, every
/// mask and the mask chosen to ZXing's encoder, module for module.
/// </summary>
public static class QrEncoder
{
    /// <summary>A symbol without its quiet zone: <see cref="Size"/> by <see cref="Size"/> modules, row by row, true for dark.</summary>
    public sealed class Symbol(int version, int mask, bool[] modules)
    {
        public int Version { get; } = version;
        public int Mask { get; } = mask;
        public int Size { get; } = 4 * version + 17;
        public bool IsDark(int x, int y) => modules[y * Size + x];
    }

    // Level M, by version (index 0 unused): error correction codewords per block, and the number of blocks.
    private static readonly int[] EccPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
    private static readonly int[] Blocks = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];

    /// <summary>The most bytes of ASCII text a symbol holds: version 40 at level M, less the byte mode's 20-bit header.</summary>
    public static int MaxBytes => MostBytes(eci: false);

    /// <summary>With an ECI header (text beyond ASCII), 12 bits more of header leave one byte less.</summary>
    private static int MostBytes(bool eci) => (DataCodewords(40) * 8 - HeaderBits(40, eci)) / 8;

    /// <param name="mask">A mask to use instead of the best one (0 to 7): for tests that compare each mask.</param>
    public static Symbol Encode(string text, int? mask = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (mask is < 0 or > 7) throw new ArgumentOutOfRangeException(nameof(mask), mask, "A QR mask is 0 to 7.");
        var bytes = Encoding.UTF8.GetBytes(text);
        var eci = bytes.Length != text.Length;
        var version = 1;
        while (HeaderBits(version, eci) + 8 * bytes.Length > DataCodewords(version) * 8)
            if (++version > 40)
                throw new ArgumentException($"The text is {bytes.Length} bytes; a QR code holds at most {MostBytes(eci)}.", nameof(text));
        var grid = new Grid(version);
        grid.PlaceData(Interleaved(version, DataBits(version, bytes, eci)));
        var chosen = mask ?? grid.BestMask();
        grid.ApplyMask(chosen);
        grid.DrawFormat(chosen);
        return new Symbol(version, chosen, grid.Dark);
    }

    private static int HeaderBits(int version, bool eci) => (eci ? 12 : 0) + 4 + (version < 10 ? 8 : 16);

    /// <summary>Modules left for codewords once the function patterns are drawn (remainder bits included).</summary>
    private static int RawModules(int version)
    {
        var modules = (16 * version + 128) * version + 64;
        if (version >= 2)
        {
            var alignments = version / 7 + 2;
            modules -= (25 * alignments - 10) * alignments - 55;
            if (version >= 7) modules -= 36;
        }
        return modules;
    }

    private static int DataCodewords(int version) => RawModules(version) / 8 - EccPerBlock[version] * Blocks[version];

    /// <summary>Mode, count, the bytes, the terminator and the pad codewords 0xEC 0x11 up to the version's capacity.</summary>
    private static byte[] DataBits(int version, byte[] bytes, bool eci)
    {
        var data = new byte[DataCodewords(version)];
        var bit = 0;
        void Put(int value, int count)
        {
            for (var i = count - 1; i >= 0; i--, bit++)
                if (((value >> i) & 1) != 0) data[bit >> 3] |= (byte)(0x80 >> (bit & 7));
        }
        if (eci)
        {
            Put(0b0111, 4);
            Put(26, 8);
        }
        Put(0b0100, 4);
        Put(bytes.Length, version < 10 ? 8 : 16);
        foreach (var b in bytes) Put(b, 8);
        bit += Math.Min(4, data.Length * 8 - bit);
        bit = (bit + 7) & ~7;
        for (var pad = 0xEC; bit < data.Length * 8; pad ^= 0xEC ^ 0x11) Put(pad, 8);
        return data;
    }

    /// <summary>The data split into the version's blocks, each given its Reed-Solomon codewords, interleaved.</summary>
    private static byte[] Interleaved(int version, byte[] data)
    {
        int blocks = Blocks[version], ecc = EccPerBlock[version], total = RawModules(version) / 8;
        var shortBlocks = blocks - total % blocks;
        var shortData = total / blocks - ecc;
        var divisor = ReedSolomon.Divisor(ecc);
        var dataBlocks = new ArraySegment<byte>[blocks];
        var eccBlocks = new byte[blocks][];
        for (int b = 0, start = 0; b < blocks; b++)
        {
            var length = shortData + (b < shortBlocks ? 0 : 1);
            dataBlocks[b] = new ArraySegment<byte>(data, start, length);
            eccBlocks[b] = ReedSolomon.Remainder(dataBlocks[b], divisor);
            start += length;
        }
        var result = new byte[total];
        var n = 0;
        for (var i = 0; i <= shortData; i++)
            foreach (var block in dataBlocks)
                if (i < block.Count) result[n++] = block[i];
        for (var i = 0; i < ecc; i++)
            foreach (var block in eccBlocks)
                result[n++] = block[i];
        return result;
    }

    private static class ReedSolomon
    {
        // GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
        private static readonly byte[] Exp = new byte[255];
        private static readonly byte[] Log = new byte[256];
        private static readonly byte[]?[] Divisors = new byte[31][];

        static ReedSolomon()
        {
            for (int i = 0, x = 1; i < 255; i++, x = (x << 1) ^ ((x >> 7) * 0x11D))
            {
                Exp[i] = (byte)x;
                Log[x] = (byte)i;
            }
        }

        private static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[(Log[a] + Log[b]) % 255];

        /// <summary>The generator (x - 1)(x - α)…(x - α^(degree-1)), its coefficients from the highest after the leading 1.</summary>
        public static byte[] Divisor(int degree)
        {
            if (Divisors[degree] is { } kept) return kept;
            var result = new byte[degree];
            result[degree - 1] = 1;
            byte root = 1;
            for (var i = 0; i < degree; i++)
            {
                for (var j = 0; j < degree; j++)
                {
                    result[j] = Multiply(result[j], root);
                    if (j + 1 < degree) result[j] ^= result[j + 1];
                }
                root = Multiply(root, 2);
            }
            return Divisors[degree] = result;
        }

        public static byte[] Remainder(ReadOnlySpan<byte> data, byte[] divisor)
        {
            var result = new byte[divisor.Length];
            foreach (var b in data)
            {
                var factor = (byte)(b ^ result[0]);
                Array.Copy(result, 1, result, 0, result.Length - 1);
                result[^1] = 0;
                if (factor == 0) continue;
                for (var i = 0; i < result.Length; i++) result[i] ^= Multiply(divisor[i], factor);
            }
            return result;
        }
    }

    /// <summary>The modules being built, and which of them belong to function patterns (never masked).</summary>
    private sealed class Grid
    {
        private readonly int size;
        private readonly int version;
        public bool[] Dark { get; }
        private readonly bool[] function;

        /// <summary><see cref="Dark"/> as bytes, 0 or 1, for sums and XORs without branches.</summary>
        private ReadOnlySpan<byte> ModuleBytes => MemoryMarshal.Cast<bool, byte>(Dark.AsSpan());

        public Grid(int version)
        {
            this.version = version;
            size = 4 * version + 17;
            Dark = new bool[size * size];
            function = new bool[size * size];
            for (var i = 0; i < size; i++)
            {
                Set(6, i, i % 2 == 0);
                Set(i, 6, i % 2 == 0);
            }
            Finder(3, 3);
            Finder(size - 4, 3);
            Finder(3, size - 4);
            var positions = AlignmentPositions();
            foreach (var x in positions)
                foreach (var y in positions)
                    if (!(x == 6 && y == 6) && !(x == 6 && y == size - 7) && !(x == size - 7 && y == 6))
                        for (var dy = -2; dy <= 2; dy++)
                            for (var dx = -2; dx <= 2; dx++)
                                Set(x + dx, y + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
            DrawFormat(0); // reserves its modules; drawn again with the chosen mask
            if (version >= 7) DrawVersion();
        }

        private void Set(int x, int y, bool dark)
        {
            Dark[y * size + x] = dark;
            function[y * size + x] = true;
        }

        private void Finder(int cx, int cy)
        {
            for (var dy = -4; dy <= 4; dy++)
                for (var dx = -4; dx <= 4; dx++)
                {
                    int x = cx + dx, y = cy + dy;
                    var ring = Math.Max(Math.Abs(dx), Math.Abs(dy));
                    if (x >= 0 && x < size && y >= 0 && y < size) Set(x, y, ring != 2 && ring != 4);
                }
        }

        /// <summary>Centre rows and columns of the alignment patterns: 6, then evenly spaced (even steps) up to size - 7.</summary>
        private int[] AlignmentPositions()
        {
            if (version == 1) return [];
            var count = version / 7 + 2;
            var step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
            var result = new int[count];
            result[0] = 6;
            for (int i = count - 1, position = size - 7; i >= 1; i--, position -= step) result[i] = position;
            return result;
        }

        /// <summary>The 15 format bits (level M's indicator 00 and the mask, BCH-protected, XOR 0x5412), in both copies.</summary>
        public void DrawFormat(int mask)
        {
            var remainder = mask;
            for (var i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
            var bits = ((mask << 10) | remainder) ^ 0x5412;
            bool Bit(int i) => ((bits >> i) & 1) != 0;
            for (var i = 0; i <= 5; i++) Set(8, i, Bit(i));
            Set(8, 7, Bit(6));
            Set(8, 8, Bit(7));
            Set(7, 8, Bit(8));
            for (var i = 9; i < 15; i++) Set(14 - i, 8, Bit(i));
            for (var i = 0; i < 8; i++) Set(size - 1 - i, 8, Bit(i));
            for (var i = 8; i < 15; i++) Set(8, size - 15 + i, Bit(i));
            Set(8, size - 8, true);
        }

        /// <summary>Versions 7 and up: the 18 version bits (6 + 12 of BCH), in both corners.</summary>
        private void DrawVersion()
        {
            var remainder = version;
            for (var i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25);
            var bits = (version << 12) | remainder;
            for (var i = 0; i < 18; i++)
            {
                var dark = ((bits >> i) & 1) != 0;
                int a = size - 11 + i % 3, b = i / 3;
                Set(a, b, dark);
                Set(b, a, dark);
            }
        }

        /// <summary>Codeword bits in the standard's zigzag: column pairs from the right, up then down, skipping column 6.</summary>
        public void PlaceData(byte[] codewords)
        {
            var i = 0;
            for (var right = size - 1; right >= 1; right -= 2)
            {
                if (right == 6) right = 5;
                var upward = ((right + 1) & 2) == 0;
                for (var step = 0; step < size; step++)
                {
                    var y = upward ? size - 1 - step : step;
                    for (var j = 0; j < 2; j++)
                    {
                        var at = y * size + right - j;
                        if (function[at] || i >= codewords.Length * 8) continue;
                        Dark[at] = ((codewords[i >> 3] >> (7 - (i & 7))) & 1) != 0;
                        i++;
                    }
                }
            }
        }

        /// <summary>Flips every data module the mask marks; applying it twice takes it off again.</summary>
        public void ApplyMask(int mask)
        {
            var flips = Flips(mask);
            for (var i = 0; i < Dark.Length; i++) Dark[i] ^= flips[i];
        }

        // Per version, the data modules each mask flips (function patterns never are): made once, read on every code.
        private static readonly bool[]?[][] FlipsByVersion = new bool[]?[41][];

        private bool[] Flips(int mask)
        {
            var kept = FlipsByVersion[version] ??= new bool[8][];
            if (kept[mask] is { } flips) return flips;
            flips = new bool[size * size];
            for (var y = 0; y < size; y++)
                for (var x = 0; x < size; x++)
                    flips[y * size + x] = !function[y * size + x] && mask switch
                    {
                        0 => (x + y) % 2 == 0,
                        1 => y % 2 == 0,
                        2 => x % 3 == 0,
                        3 => (x + y) % 3 == 0,
                        4 => (x / 3 + y / 2) % 2 == 0,
                        5 => x * y % 2 + x * y % 3 == 0,
                        6 => (x * y % 2 + x * y % 3) % 2 == 0,
                        _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                    };
            return kept[mask] = flips;
        }

        /// <summary>The mask with the lowest penalty, each scored with its own format bits; the first on a tie.</summary>
        public int BestMask()
        {
            int best = 0, lowest = int.MaxValue;
            for (var mask = 0; mask < 8; mask++)
            {
                ApplyMask(mask);
                DrawFormat(mask);
                var penalty = Penalty();
                if (penalty < lowest) (best, lowest) = (mask, penalty);
                ApplyMask(mask);
            }
            return best;
        }

        /// <summary>
        /// The standard's four rules: runs of five or more alike in a row or column (3, plus 1 for each module past
        /// five); 2×2 blocks alike (3 each); dark-light-dark×3-light-dark with four light modules before or after it
        /// (40 each; as in ZXing, four that would reach outside the symbol do not count); and 10 for each 5% the dark
        /// share strays from half.
        /// </summary>
        private int Penalty() => size < 64 ? PenaltyByBits() : PenaltyByModules();

        /// <summary>
        /// The same rules for symbols under 64 modules wide (versions 1 to 11, up to 61: every link we make), a row per
        /// 64-bit word: each rule is a few shifts, ANDs and bit counts a row, for all its columns at once, and the
        /// column rules run across the rows the same way. A link's code took 0.036 ms with it, 0.10 ms without.
        /// </summary>
        private int PenaltyByBits()
        {
            var modules = ModuleBytes;
            Span<ulong> rows = stackalloc ulong[size];
            for (var y = 0; y < size; y++)
            {
                ulong bits = 0;
                for (var x = 0; x < size; x++) bits |= (ulong)modules[y * size + x] << x;
                rows[y] = bits;
            }
            var all = (1UL << size) - 1; // size is 61 at most here
            var startsAt4 = all & ~0xFUL; // a pattern with room for four modules before it
            var endsBefore11 = all >> 10; // ... and after it
            int runs = 0, finders = 0, blocks = 0, dark = 0;
            for (var y = 0; y < size; y++)
            {
                var r = rows[y];
                dark += BitOperations.PopCount(r);
                // Rule 1 in the row: windows of five alike (a run of n has n - 4), plus 2 for each run's first window.
                var alike = ~(r ^ (r >> 1));
                var five = alike & (alike >> 1) & (alike >> 2) & (alike >> 3) & (all >> 4);
                runs += BitOperations.PopCount(five) + 2 * BitOperations.PopCount(five & ((r ^ (r << 1)) | 1));
                // Rule 3 in the row (1011101 reads the same both ways, so bit order does not matter).
                var pattern = r & ~(r >> 1) & (r >> 2) & (r >> 3) & (r >> 4) & ~(r >> 5) & (r >> 6) & (all >> 6);
                var lightBefore = ~((r << 1) | (r << 2) | (r << 3) | (r << 4)) & startsAt4;
                var lightAfter = ~((r >> 7) | (r >> 8) | (r >> 9) | (r >> 10)) & endsBefore11;
                finders += BitOperations.PopCount(pattern & (lightBefore | lightAfter));
                // Rule 1 down the columns: rows y to y + 4 alike, and whether row y starts the run.
                if (y + 4 < size)
                {
                    var down = ~(r ^ rows[y + 1]) & ~(rows[y + 1] ^ rows[y + 2]) & ~(rows[y + 2] ^ rows[y + 3])
                        & ~(rows[y + 3] ^ rows[y + 4]) & all;
                    runs += BitOperations.PopCount(down) + 2 * BitOperations.PopCount(down & (y == 0 ? all : r ^ rows[y - 1]));
                }
                // Rule 3 down the columns, with a pattern starting at row y.
                if (y + 6 < size)
                {
                    var column = r & ~rows[y + 1] & rows[y + 2] & rows[y + 3] & rows[y + 4] & ~rows[y + 5] & rows[y + 6];
                    var above = y >= 4 ? ~(rows[y - 1] | rows[y - 2] | rows[y - 3] | rows[y - 4]) : 0;
                    var below = y + 10 < size ? ~(rows[y + 7] | rows[y + 8] | rows[y + 9] | rows[y + 10]) : 0;
                    finders += BitOperations.PopCount(column & (above | below) & all);
                }
                // Rule 2: 2×2 blocks with their top-left module in row y.
                if (y + 1 < size)
                {
                    var n = rows[y + 1];
                    blocks += BitOperations.PopCount(~(r ^ (r >> 1)) & ~(r ^ n) & ~(n ^ (n >> 1)) & (all >> 1));
                }
            }
            var total = size * size;
            return runs + 40 * finders + 3 * blocks + Math.Abs(dark * 2 - total) * 10 / total * 10;
        }

        private int PenaltyByModules()
        {
            // Written without branches on the modules (compares to 0/1, then sums): with random-looking data every
            // branch on a module was a coin toss the CPU guessed wrong half the time, which cost more than the rules.
            var modules = ModuleBytes;
            int penalty = 0, dark = 0;
            Span<byte> column = stackalloc byte[size];
            for (var i = 0; i < size; i++)
            {
                var row = modules.Slice(i * size, size);
                for (var y = 0; y < size; y++) column[y] = modules[y * size + i];
                penalty += Line(row) + Line(column);
                dark += row.Count((byte)1);
                if (i == size - 1) continue;
                var next = modules.Slice((i + 1) * size, size);
                for (var x = 0; x < size - 1; x++)
                    penalty += 3 * (((row[x] ^ row[x + 1]) | (row[x] ^ next[x]) | (row[x] ^ next[x + 1])) == 0 ? 1 : 0);
            }
            var total = size * size;
            return penalty + Math.Abs(dark * 2 - total) * 10 / total * 10;
        }

        /// <summary>Rules 1 and 3 along one row or column (modules 0 or 1).</summary>
        private static int Line(ReadOnlySpan<byte> line)
        {
            // Rule 1: a run's penalty is added where it ends. Rule 3 reads the last 15 modules: 1011101 then four light
            // (0x5D0 in the last 11), four light then 1011101 (0x5D, counted once 11 modules are in), and a pattern
            // with light on both sides (0x5D0 in all 15), which the two would count twice.
            int penalty = 0, run = 1, window = line[0], finders = 0;
            for (var k = 1; k < line.Length; k++)
            {
                var same = line[k] == line[k - 1] ? 1 : 0;
                penalty += (1 - same) * (run >= 5 ? run - 2 : 0);
                run = same * run + 1;
                window = ((window << 1) | line[k]) & 0x7FFF;
                var last11 = window & 0x7FF;
                finders += (last11 == 0x5D0 ? 1 : 0) + (last11 == 0x5D && k >= 10 ? 1 : 0) - (window == 0x5D0 && k >= 14 ? 1 : 0);
            }
            return penalty + (run >= 5 ? run - 2 : 0) + 40 * finders;
        }
    }
}
