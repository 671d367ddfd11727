using System.Runtime.CompilerServices;

namespace DecisionAid.Testing;

/// <summary>
/// A test run starts many sites side by side, and each would watch its files with inotify: Linux allows 128 watchers
/// per user by default, and a busy run would reach it. Sites in tests poll instead and do not reload configuration.
/// </summary>
internal static class FileWatching
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "must run before any site is built in this test assembly")]
    internal static void PollInsteadOfWatching()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
