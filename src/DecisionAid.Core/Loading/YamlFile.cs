using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DecisionAid.Core.Loading;

/// <summary>Opens a YAML file as its top mapping, turning syntax errors into findings at their line and column.</summary>
internal static class YamlFile
{
    public static YamlMap? Open(string path, string displayPath, Diagnostics diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Error(FindingCodes.MissingFile, SourceLocation.File(displayPath), $"the file {displayPath} does not exist");
            return null;
        }
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                diagnostics.Error(FindingCodes.WrongType, SourceLocation.File(displayPath), "the file must hold a mapping of fields (key: value) at the top");
                return null;
            }
            return new YamlMap(root, displayPath, "", diagnostics);
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Trim();
            diagnostics.Error(FindingCodes.YamlSyntax, new SourceLocation(displayPath, (int)e.Start.Line, (int)e.Start.Column), $"YAML syntax: {message}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet throws these for some malformed documents; a broken file is a finding, never a crash.
            diagnostics.Error(FindingCodes.YamlSyntax, SourceLocation.File(displayPath), $"YAML syntax: the file cannot be read ({e.Message.Trim()})");
            return null;
        }
    }
}
