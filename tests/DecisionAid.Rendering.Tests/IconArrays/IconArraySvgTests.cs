using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using DecisionAid.Core.Content;
using DecisionAid.Rendering.IconArrays;

namespace DecisionAid.Rendering.Tests.IconArrays;

public class IconArraySvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Counts the people of each kind in each block from the rectangles filled with a kind's 12-unit tile;
    /// no person is drawn twice.</summary>
    private static Dictionary<string, int> People(string svg, string prefix)
    {
        var doc = XDocument.Parse(svg);
        var counts = new Dictionary<string, int> { ["x"] = 0, ["m"] = 0, ["o"] = 0 };
        foreach (var block in doc.Root!.Elements(Svg + "g"))
        {
            var covered = new HashSet<(int, int)>();
            foreach (var rect in block.Elements(Svg + "rect"))
            {
                int Number(string name) => int.Parse(rect.Attribute(name)!.Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(0, Number("x") % 12);
                Assert.Equal(0, Number("y") % 12);
                var fill = rect.Attribute("fill")!.Value;
                Assert.StartsWith($"url(#{prefix}-", fill, StringComparison.Ordinal);
                for (var x = Number("x"); x < Number("x") + Number("width"); x += 12)
                    for (var y = Number("y"); y < Number("y") + Number("height"); y += 12)
                    {
                        Assert.True(covered.Add((x, y)), $"the person at {x},{y} is drawn twice");
                        counts[fill[(prefix.Length + 6)..^1]]++;
                    }
            }
        }
        return counts;
    }

    /// <summary>The people the layout places (what a PDF draws), by kind, each cell once.</summary>
    private static Dictionary<string, int> Placed(Frequency frequency)
    {
        var people = new IconArrayLayout(frequency, IconTone.Risk).People().ToList();
        Assert.Equal(people.Count, people.Select(p => (p.X, p.Y)).Distinct().Count());
        return new[] { "x", "m", "o" }.ToDictionary(k => k, k => people.Count(p => p.Kind == k[0]));
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(56, 1000)]
    [InlineData(960, 1000)]
    [InlineData(89, 100)]
    [InlineData(0, 100)]
    [InlineData(100, 100)]
    [InlineData(3, 7)]
    [InlineData(14, 1020)]
    [InlineData(55, 100)]
    public void Highlights_exactly_N_of_D_people_on_screen_and_in_print(int count, int denominator)
    {
        foreach (var people in new[] { People(IconArraySvg.Render(new Frequency(count, denominator), "label", "t"), "t"), Placed(new Frequency(count, denominator)) })
        {
            Assert.Equal(count, people["x"]);
            Assert.Equal(denominator - count, people["o"]);
            Assert.Equal(0, people["m"]);
        }
    }

    [Fact]
    public void A_range_shows_its_upper_part_as_maybe()
    {
        foreach (var people in new[] { People(IconArraySvg.Render(new Frequency(70, 100, 95), "label", "r"), "r"), Placed(new Frequency(70, 100, 95)) })
        {
            Assert.Equal(70, people["x"]);
            Assert.Equal(25, people["m"]);
            Assert.Equal(5, people["o"]);
        }
    }

    [Fact]
    public void A_thousand_people_on_screen_are_a_few_dozen_elements()
    {
        // A phone lays out every element (and every <use> copy); a few rectangles per block keep it instant.
        var doc = XDocument.Parse(IconArraySvg.Render(new Frequency(56, 1000, 380), "label", "e"));
        Assert.True(doc.Descendants().Count() < 60, $"{doc.Descendants().Count()} elements");
        Assert.Empty(doc.Descendants(Svg + "use"));
    }

    [Fact]
    public void A_thousand_people_are_drawn_as_ten_blocks_of_a_hundred()
    {
        var doc = XDocument.Parse(IconArraySvg.Render(new Frequency(56, 1000), "label", "k"));
        Assert.Equal("0 0 640 250", doc.Root!.Attribute("viewBox")!.Value); // 5 blocks across, 2 down
    }

    [Theory]
    [InlineData(1, 1000, 1, 12)]     // one person: a ring one person wide
    [InlineData(3, 100, 1, 36)]
    [InlineData(10, 1000, 1, 120)]   // a whole row: one ring around the row
    [InlineData(0, 1000, 0, 0)]
    [InlineData(56, 1000, 0, 0)]     // many people are easy to see: no rings
    public void A_few_highlighted_people_are_ringed_so_one_in_a_thousand_is_easy_to_find(int count, int denominator, int rings, int ringedWidth)
    {
        var doc = XDocument.Parse(IconArraySvg.Render(new Frequency(count, denominator), "label", "z"));
        var drawn = doc.Root!.Elements(Svg + "rect").ToList();
        Assert.Equal(rings, drawn.Count);
        foreach (var ring in drawn)
        {
            // The ring stands 9 units off the people it marks, on every side, and the picture grows to hold it.
            Assert.Equal(ringedWidth + 18, int.Parse(ring.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("#a4262c", ring.Attribute("stroke")!.Value);
            Assert.StartsWith("-11 -11 ", doc.Root.Attribute("viewBox")!.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_range_is_ringed_to_its_upper_end()
    {
        // 1 to 3 in 1,000: the one sure and the two maybe, in one ring three people wide.
        var doc = XDocument.Parse(IconArraySvg.Render(new Frequency(1, 1000, 3), "label", "w"));
        Assert.Equal("54", Assert.Single(doc.Root!.Elements(Svg + "rect")).Attribute("width")!.Value);
    }

    [Fact]
    public void A_thousand_person_array_costs_under_three_kilobytes_compressed()
    {
        foreach (var n in new[] { 1, 56, 380, 960 })
        {
            var bytes = Encoding.UTF8.GetBytes(IconArraySvg.Render(new Frequency(n, 1000), "About 1 in 1,000 people have bleeding", "a"));
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bytes);
            Assert.True(compressed.Length < 3 * 1024, $"{n} in 1000: {compressed.Length} bytes compressed");
        }
    }

    [Fact]
    public void Has_an_accessible_name_and_marks_people_by_shape_not_colour_alone()
    {
        var svg = IconArraySvg.Render(new Frequency(1, 1000), "1 in 1,000 people: Bleeding", "s");
        var doc = XDocument.Parse(svg);
        Assert.Equal("img", doc.Root!.Attribute("role")!.Value);
        Assert.Equal("1 in 1,000 people: Bleeding", doc.Root.Attribute("aria-label")!.Value);
        var hollow = doc.Descendants(Svg + "pattern").Single(g => g.Attribute("id")!.Value == "s-o").Element(Svg + "g")!;
        var solid = doc.Descendants(Svg + "pattern").Single(g => g.Attribute("id")!.Value == "s-x").Element(Svg + "g")!;
        Assert.Equal("#fff", hollow.Attribute("fill")!.Value);
        Assert.NotEqual("#fff", solid.Attribute("fill")!.Value);
    }
}
