namespace Keel.Gigzilla.Store;

/// <summary>Where the local store lives: <c>--data DIR</c>, else <c>GIGZILLA_DATA</c>, else the user's application-data folder.</summary>
internal static class DataDirectory
{
    public const string EnvironmentVariable = "GIGZILLA_DATA";

    public static string Resolve(string? option, Func<string, string?> environmentVariable)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }

        var fromEnvironment = environmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "Gigzilla");
    }
}
