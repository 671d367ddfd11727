namespace DecisionAid.Testing;

/// <summary>The tests' consent seal key (35 bytes, base64); a production site must have its own.</summary>
internal static class TestSealKey
{
    public const string Base64 = "dGVzdC1zZWFsLWtleS0wMTIzNDU2Nzg5YWJjZGVmZ2hpams=";
}
