using System.Security.Cryptography;
using Keel.FixCi.GitHub;
using Keel.FixCi.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.FixCi.Tests.GitHub;

public sealed class GitHubAppServicesTests
{
    [Fact]
    public void The_analysis_and_its_collaborators_resolve_as_singletons()
    {
        using var key = RSA.Create(2048);
        var services = new ServiceCollection()
            .AddFixCiGitHubApp(new GitHubAppOptions { AppId = "1", PrivateKeyPem = key.ExportRSAPrivateKeyPem() });
        using var provider = services.BuildServiceProvider();

        var analysis = provider.GetRequiredService<AnalyzeFailedRun>();

        analysis.ShouldBeSameAs(provider.GetRequiredService<AnalyzeFailedRun>());
        provider.GetRequiredService<InstallationTokens>().ShouldBeSameAs(provider.GetRequiredService<InstallationTokens>());
        provider.GetRequiredService<TimeProvider>().ShouldBe(TimeProvider.System);
    }
}
