using Keel.Platform.Web;

namespace Keel.FixCi;

/// <summary>What FixCI's landing page (<c>/fixci</c>) says; the prices come from the plan catalog.</summary>
internal static class FixCiLanding
{
    public static readonly ProductLanding Landing = new(FixCiModule.Product, "FixCI",
        "When CI fails, the lines that explain why, in a comment on your pull request.",
        [
            new("Straight to the error", "FixCI reads the failed job's log and shows the few lines that matter, with a hint."),
            new("Knows your tools", "Maven, Gradle, npm, pytest, go test, dotnet, cargo, make, Docker and more."),
            new("One comment, kept current", "A GitHub App: install it on your repositories and every failed run is explained."),
        ]);
}
