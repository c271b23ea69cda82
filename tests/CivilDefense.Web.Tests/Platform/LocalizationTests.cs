using System.Text.RegularExpressions;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Tests.Platform;

public sealed partial class LocalizationTests
{
    [Fact]
    public void EveryUiKey_HasAVietnameseTranslation()
    {
        var text = UiText.LoadEmbedded();
        var source = Path.Combine(RepositoryRoot(), "src", "CivilDefense.Web");
        var keys = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();

        var missing = keys.Where(k => !text.VietnameseEntries.ContainsKey(k.Key)).Select(k => $"{k.File}: \"{k.Key}\"").Distinct().ToList();

        Assert.True(keys.Count > 50, $"Only {keys.Count} keys found: the scan is broken.");
        Assert.True(missing.Count == 0, "Missing Vietnamese translations:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Indexer_InVietnameseAndEnglish_TranslatesOrFallsBackToTheKey()
    {
        var text = UiText.LoadEmbedded();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(UiText.Vietnamese);
            Assert.Equal("Địa bàn", text["Territory"]);
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(UiText.English);
            Assert.Equal("Territory", text["Territory"]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>L["…"], text["…"], L.Format("…" and text.Format("…" with a literal key.</summary>
    [GeneratedRegex("""\b(?:L|text|Text)(?:\[|\.Format\()"(?<key>(?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex KeyPattern();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CivilDefense.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
