using System.IO.Compression;
using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace DecisionAid.Web.Security;

/// <summary>Refuses a password found in the list of leaked common passwords (OWASP SecLists, 12+ characters).</summary>
public sealed class CommonPasswords : IPasswordValidator<Clinician>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static bool IsCommon(string password) => List.Value.Contains(password.ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<Clinician> manager, Clinician user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "This password is on a list of common, leaked passwords. Choose another: a few unrelated words work well." })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DecisionAid.Web.Security.common-passwords.gz")
            ?? throw new InvalidOperationException("the common password list is not embedded");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line) set.Add(line);
        return set;
    }
}
