using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;

namespace DecisionAid.Core.Loading;

/// <summary>Collects every finding while loading, so one run reports all problems, not just the first.</summary>
public sealed class Diagnostics
{
    private readonly List<Finding> _findings = [];

    public IReadOnlyList<Finding> Findings => _findings;
    public bool HasErrors => _findings.Exists(f => f.Severity == Severity.Error);

    public void Error(string code, SourceLocation location, string message) =>
        _findings.Add(new Finding(code, Severity.Error, location, message));

    public void Warning(string code, SourceLocation location, string message) =>
        _findings.Add(new Finding(code, Severity.Warning, location, message));
}
