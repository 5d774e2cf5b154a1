using Keel.FixCi.Comments;
using Keel.FixCi.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Keel.FixCi.GitHub;

internal static class GitHubAppServices
{
    /// <summary>
    /// Registers what talks to GitHub as the app: <see cref="GitHubApi"/>, the installation token cache,
    /// comment upserts and <see cref="AnalyzeFailedRun"/>, all singletons sharing one non-redirecting HttpClient.
    /// </summary>
    public static IServiceCollection AddFixCiGitHubApp(this IServiceCollection services, GitHubAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(sp => new GitHubApi(GitHubApi.CreateHttpClient(), options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<InstallationTokens>();
        services.AddSingleton<UpsertPullRequestComment>();
        services.AddSingleton<AnalyzeFailedRun>();
        return services;
    }
}
