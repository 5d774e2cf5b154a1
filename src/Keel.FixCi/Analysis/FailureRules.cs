using static Keel.FixCi.Analysis.LineKind;

namespace Keel.FixCi.Analysis;

/// <summary>
/// The failure signatures of the tools FixCI understands, most specific first: the first rule that matches a
/// line decides its role. Scores: about 95 for a root cause the line names outright (full disk, out of memory,
/// refused access), 85–90 for a tool's located error (compiler, failed test), 70–80 for a tool's failure report
/// that carries a message, 60–70 for exceptions, 10–20 for markers that only say that something failed.
/// </summary>
internal static class FailureRules
{
    public static readonly FailureRule[] All =
    [
        // Root causes worth naming whatever tool printed them.
        new("disk-full", Anchor, 95, Categories.Network, "Out of disk space", Hints.DiskFull,
            (t, l) => Has(l, "no space left on device") || HasCode(t, "ENOSPC") || Has(l, "not enough space on the disk")
                || Has(l, "disk quota exceeded")),
        new("out-of-memory", Anchor, 95, Categories.OutOfMemory, "Out of memory", Hints.OutOfMemory,
            (t, l) => Has(l, "outofmemoryerror") || Has(l, "out of memory") || Has(l, "cannot allocate memory")
                || Has(l, "std::bad_alloc") || HasCode(t, "OOMKilled") || Has(l, "killed signal terminated program")
                || t.Trim().Equals("Killed", StringComparison.Ordinal) || Has(l, "memoryerror:")
                || (t.Contains("137", StringComparison.Ordinal) && FailurePatterns.KilledExitCode().IsMatch(t))),
        new("job-timeout", Anchor, 95, Categories.Timeout, "Time limit exceeded", Hints.Timeout,
            (t, l) => Has(l, "exceeded the maximum execution time") || Has(l, "has timed out") || Has(l, "test timed out after")
                || Has(l, "exceeded timeout of") || (Has(l, "timeout of ") && Has(l, "exceeded"))),
        new("git-unsafe-repository", Anchor, 95, Categories.Configuration, "Git refuses a repository owned by another user",
            "Run `git config --global --add safe.directory <path>` before using git in the container, or run the job as the checkout's owner.",
            (t, l) => Has(l, "unsafe repository") || Has(l, "dubious ownership")),
        new("access-denied", Anchor, 95, Categories.Permission, "Access denied", Hints.Permission,
            (t, l) => Has(l, "permission denied") || HasCode(t, "EACCES") || HasCode(t, "EPERM") || Has(l, "operation not permitted")
                || Has(l, "access is denied") || Has(l, "resource not accessible by integration")
                || Has(l, "authentication failed") || Has(l, "could not read username") || Has(l, "requested access to the resource is denied")
                || Has(l, "pull access denied") || (t.Contains("40", StringComparison.Ordinal) && FailurePatterns.AuthError().IsMatch(t))),
        new("network", Anchor, 95, Categories.Network, "Network failure", Hints.Network,
            (t, l) => Has(l, "could not resolve host") || Has(l, "temporary failure in name resolution") || Has(l, "name or service not known")
                || Has(l, "connection refused") || Has(l, "connection reset") || Has(l, "connection timed out")
                || Has(l, "network is unreachable") || HasCode(t, "ECONNRESET") || HasCode(t, "ECONNREFUSED") || HasCode(t, "ETIMEDOUT")
                || HasCode(t, "ENOTFOUND") || HasCode(t, "EAI_AGAIN") || Has(l, "socket hang up") || Has(l, "read timed out")
                || Has(l, "tls handshake timeout") || Has(l, "i/o timeout") || Has(l, "runner has received a shutdown signal")
                || (t.Contains("50", StringComparison.Ordinal) && FailurePatterns.ServerError().IsMatch(t))),
        new("timeout", Anchor, 90, Categories.Timeout, "Timed out", Hints.Timeout,
            (t, l) => Has(l, "timed out") || Has(l, "timeoutexception") || Has(l, "deadline exceeded")),

        // Dependency resolution.
        new("maven-dependency", Anchor, 90, Categories.DependencyResolution, "Dependency resolution failed", Hints.Dependency,
            (t, l) => Has(l, "could not resolve dependencies") || Has(l, "could not be resolved") || Has(l, "could not find artifact")
                || Has(l, "could not transfer artifact") || Has(l, "failed to read artifact descriptor")
                || Has(l, "non-resolvable parent pom") || Has(l, "could not resolve all") || Has(l, "could not find a version that satisfies")
                || Has(l, "no matching distribution found") || Has(l, "resolutionimpossible") || Has(l, "failed to select a version")
                || Has(l, "no matching package named") || Has(l, "failed to load source for dependency")
                || Has(l, "unable to find package") || Has(l, "unable to locate package") || Has(l, "could not find gem")
                || Has(l, "no matching version found") || Has(l, "couldn't find package") || Has(l, "couldn't find any versions")
                || (t.Contains("error NU", StringComparison.Ordinal) && FailurePatterns.NuGetError().IsMatch(t))),
        new("npm-resolve", Anchor, 90, Categories.DependencyResolution, "npm could not resolve the dependency tree", Hints.Dependency,
            (t, l) => HasCode(t, "ERESOLVE") || HasCode(t, "ETARGET") || Has(l, "npm err! 404") || Has(l, "npm error 404") || Has(l, "code e404")
                || HasCode(t, "ERR_PNPM_NO_MATCHING_VERSION") || HasCode(t, "ERR_PNPM_FETCH_404")),
        new("lockfile-outdated", Anchor, 90, Categories.Configuration, "Lock file out of date",
            "The lock file does not match the manifest: run the install locally (npm install, pnpm install, yarn) and commit the updated lock file.",
            (t, l) => HasCode(t, "ERR_PNPM_OUTDATED_LOCKFILE") || Has(l, "lockfile needs to be updated") || Has(l, "lock file is not up to date")
                || Has(l, "can only install packages when your package.json and package-lock.json")),
        new("go-module", Anchor, 90, Categories.DependencyResolution, "Go module problem",
            "Run `go mod tidy` and commit go.mod and go.sum.",
            (t, l) => Has(l, "missing go.sum entry") || Has(l, "no required module provides package") || Has(l, "cannot find module providing package")
                || Has(l, "updates to go.mod needed")),
        new("python-import", Anchor, 85, Categories.DependencyResolution, "Python module not found",
            "Install the missing module: add it to requirements.txt or pyproject.toml, or fix the import path.",
            (t, l) => Has(l, "modulenotfounderror") || Has(l, "no module named")),
        new("node-module", Anchor, 85, Categories.DependencyResolution, "Node module not found",
            "Install the missing package (npm ci after adding it to package.json) or fix the import path.",
            (t, l) => Has(l, "cannot find module") || Has(l, "module not found: error")),

        // Compilers.
        new("jvm-compiler", Anchor, 90, Categories.Compilation, "Compilation error", Hints.Compilation,
            (t, l) => (t.Contains('.') && t.Contains(':') && FailurePatterns.JvmCompilerError().IsMatch(t))),
        new("native-compiler", Anchor, 90, Categories.Compilation, "Compilation error", Hints.Compilation,
            (t, l) => (t.Contains("error", StringComparison.Ordinal) && FailurePatterns.NativeCompilerError().IsMatch(t))),
        new("compiler-code", Anchor, 90, Categories.Compilation, "Compilation error", Hints.Compilation,
            (t, l) => (t.Contains("error ", StringComparison.Ordinal) && FailurePatterns.CompilerErrorCode().IsMatch(t))),
        new("rust-compiler", Anchor, 90, Categories.Compilation, "Compilation error", Hints.Compilation,
            (t, l) => t.StartsWith("error[", StringComparison.Ordinal) && FailurePatterns.RustError().IsMatch(t)),
        new("go-compiler", Anchor, 90, Categories.Compilation, "Compilation error", Hints.Compilation,
            (t, l) => t.Contains(".go:", StringComparison.Ordinal) && FailurePatterns.GoCompilerError().IsMatch(t)),
        new("linker", Anchor, 85, Categories.Compilation, "Link error",
            "A symbol is missing at link time: check that the library is linked and built for this platform.",
            (t, l) => Has(l, "undefined reference to") || Has(l, "undefined symbols for architecture") || Has(l, "unresolved external symbol")),
        new("msbuild", Anchor, 80, Categories.Configuration, "MSBuild error",
            "The build definition failed: check the project file, SDK version (global.json) and the command the target runs.",
            (t, l) => t.Contains("error ", StringComparison.Ordinal) && FailurePatterns.MsBuildError().IsMatch(t)),
        new("python-syntax", Anchor, 85, Categories.Compilation, "Syntax error", Hints.Compilation,
            (t, l) => Has(l, "syntaxerror:") || Has(l, "indentationerror:")),

        // Tests.
        new("surefire-test", Anchor, 90, Categories.TestFailure, "Test failed", Hints.TestFailure,
            (t, l) => Has(l, "<<< failure!") || Has(l, "<<< error!")),
        new("gradle-test", Anchor, 90, Categories.TestFailure, "Test failed", Hints.TestFailure,
            (t, l) => !t.StartsWith("> Task", StringComparison.Ordinal) && t.TrimEnd().EndsWith(" FAILED", StringComparison.Ordinal) && FailurePatterns.GradleTestFailure().IsMatch(t)),
        new("pytest", Anchor, 90, Categories.TestFailure, "Test failed", Hints.TestFailure,
            (t, l) => (t.StartsWith("FAILED ", StringComparison.Ordinal) || t.StartsWith("ERROR ", StringComparison.Ordinal)) && FailurePatterns.PytestFailure().IsMatch(t)),
        new("go-test", Anchor, 90, Categories.TestFailure, "Test failed", Hints.TestFailure,
            (t, l) => t.Contains("--- FAIL", StringComparison.Ordinal) && FailurePatterns.GoTestFailure().IsMatch(t)),
        new("dotnet-test", Anchor, 90, Categories.TestFailure, "Test failed", Hints.TestFailure,
            (t, l) => t.Contains("Failed ", StringComparison.Ordinal) && FailurePatterns.DotnetTestFailure().IsMatch(t)),
        new("cargo-test", Anchor, 90, Categories.TestFailure, "Test failed", Hints.TestFailure,
            (t, l) => (t.StartsWith("test ", StringComparison.Ordinal) && FailurePatterns.CargoTestFailure().IsMatch(t)) || (Has(l, "thread '") && Has(l, "' panicked at"))),
        new("jest", Anchor, 90, Categories.TestFailure, "Test failed", Hints.TestFailure,
            (t, l) => FailurePatterns.JestFailure().IsMatch(t) && !Has(l, "● console")),
        new("assertion", Anchor, 80, Categories.TestFailure, "Assertion failed", Hints.TestFailure,
            (t, l) => Has(l, "assertionerror") || Has(l, "assertionfailederror") || Has(l, "comparisonfailure") || Has(l, "assert.equal() failure")),
        new("go-panic", Anchor, 85, Categories.Other, "Panic", Hints.Exception,
            (t, l) => t.StartsWith("panic: ", StringComparison.Ordinal)),

        // Maven.
        new("maven-header", Header, 0, null, "", null,
            (t, l) => Has(l, "compilation error :") || Has(l, "what went wrong:") || t.TrimEnd().EndsWith("Failures:", StringComparison.Ordinal)
                || t.TrimEnd().EndsWith("Errors:", StringComparison.Ordinal) || t.TrimEnd().EndsWith("Tests in error:", StringComparison.Ordinal)),
        new("maven-goal", Anchor, 80, null, "Maven goal failed", null,
            (t, l) => Has(l, "failed to execute goal")),
        new("maven-summary", Marker, 10, null, "Maven build failed", null,
            (t, l) => Has(l, "build failure") || Has(l, "there are test failures") || (t.Contains("Tests run:", StringComparison.Ordinal) && FailurePatterns.SurefireFailedCount().IsMatch(t))),

        // Gradle.
        new("gradle-task", Marker, 10, null, "Gradle task failed", null,
            (t, l) => Has(l, "execution failed for task") || (t.StartsWith("> Task ", StringComparison.Ordinal) && t.TrimEnd().EndsWith(" FAILED", StringComparison.Ordinal))
                || Has(l, "there were failing tests") || Has(l, "build failed with an exception") || Has(l, "build failed")
                || Has(l, "compilation failed; see the compiler error output") || (t.Contains("tests completed", StringComparison.Ordinal) && FailurePatterns.GradleTestCount().IsMatch(t))),
        new("gradle-script", Anchor, 80, Categories.Configuration, "Gradle build script failed",
            "The build script itself failed: check the plugin versions and the script line Gradle reports.",
            (t, l) => Has(l, "a problem occurred evaluating") || Has(l, "a problem occurred configuring")),

        // Linters.
        new("eslint", Anchor, 85, Categories.Lint, "Lint error", Hints.Lint,
            (t, l) => t.Contains("error", StringComparison.Ordinal) && FailurePatterns.EslintError().IsMatch(t)),
        new("lint", Anchor, 85, Categories.Lint, "Lint check failed", Hints.Lint,
            (t, l) => (Has(l, "checkstyle") || Has(l, "ktlint") || Has(l, "detekt") || Has(l, "spotless") || Has(l, "golangci-lint")
                    || Has(l, "rubocop") || Has(l, "flake8") || Has(l, "pylint") || Has(l, "clippy") || Has(l, "stylelint")
                    || Has(l, "prettier") || Has(l, "dotnet format"))
                && (Has(l, "error") || Has(l, "fail") || Has(l, "violation"))
                || Has(l, "format violations") || Has(l, "code style issues found") || Has(l, "would reformat")),

        // Docker.
        new("docker-build", Anchor, 85, null, "Docker build step failed",
            "A Dockerfile instruction failed: the lines above it show the command's own error.",
            (t, l) => Has(l, "failed to solve") || Has(l, "did not complete successfully") || Has(l, "returned a non-zero code")
                || Has(l, "failed to compute cache key") || Has(l, "copy failed")),
        new("docker-daemon", Anchor, 85, null, "Docker error", null,
            (t, l) => Has(l, "error response from daemon")),

        // npm, yarn, pnpm.
        new("npm-missing-script", Anchor, 90, Categories.Configuration, "npm script missing",
            "Add the script to package.json or call an existing one.",
            (t, l) => Has(l, "missing script:")),
        new("npm-lifecycle", Marker, 15, null, "npm script failed", null,
            (t, l) => HasCode(t, "ELIFECYCLE") || Has(l, "npm err! errno") || Has(l, "command failed with exit code") || Has(l, "a complete log of this run")
                || Has(l, "this is probably not a problem with npm")),
        new("pnpm", Anchor, 80, null, "pnpm error", null, (t, l) => HasCode(t, "ERR_PNPM_")),
        new("yarn", Anchor, 80, null, "yarn error", null, (t, l) => t.StartsWith("error An unexpected error", StringComparison.Ordinal)),

        // Jenkins, GitHub Actions and generic runners.
        new("jenkins-step", Marker, 10, null, "Build step failed", null,
            (t, l) => Has(l, "marked build as failure")),
        // The runner's own verdict on a step: it tells which step failed, never why, so it joins no block.
        new("actions-exit-code", Neutral, 0, null, "Step failed", null,
            (t, l) => Has(l, "process completed with exit code") || Has(l, "the operation was canceled")),
        new("exit-status", Marker, 15, null, "Command failed", null,
            (t, l) => (t.StartsWith("make", StringComparison.Ordinal) && FailurePatterns.MakeFailure().IsMatch(t)) || Has(l, "ld returned 1 exit status") || Has(l, "error: could not compile")
                || Has(l, "error: aborting due to") || Has(l, "test result: failed") || Has(l, "test run failed")
                || t.StartsWith("Failed!  - Failed:", StringComparison.Ordinal) || Has(l, "exited with code")
                || Has(l, "returned non-zero exit status") || Has(l, "exiting with failure status")
                || (t.TrimStart().StartsWith("Tests:", StringComparison.Ordinal) && Has(l, " failed"))
                || (t.StartsWith("FAIL", StringComparison.Ordinal) && (t.Length == 4 || t[4] is '\t' or ' '))),
        new("jenkins-fatal", Anchor, 75, null, "Fatal error", null,
            (t, l) => t.StartsWith("FATAL:", StringComparison.Ordinal) || t.StartsWith("fatal:", StringComparison.Ordinal)),
        new("jenkins-post-step", Anchor, 70, null, "Post-build step failed", null,
            (t, l) => t.StartsWith("ERROR: Step", StringComparison.Ordinal) && Has(l, "failed")),
        new("traceback", Anchor, 65, Categories.Other, "Exception", Hints.Exception,
            (t, l) => t.StartsWith("Traceback (most recent call last)", StringComparison.Ordinal)),
        new("exception", Anchor, 70, null, "Exception", Hints.Exception,
            (t, l) => (t.Contains("Exception", StringComparison.Ordinal) || t.Contains("Error", StringComparison.Ordinal) || t.Contains("Failure", StringComparison.Ordinal)) && FailurePatterns.ExceptionLine().IsMatch(t)),
    ];

    /// <summary>
    /// Any of these, or a '●' (Jest), must occur in a line for any rule above to match; it lets most lines skip the
    /// rules. A one-character entry here would make the multi-string search several times slower.
    /// </summary>
    public static readonly string[] Triggers =
    [
        "error", "err!", "err_", "fail", "fatal", "exception", "denied", "killed", "timeout", "timed out", "traceback",
        "panic", "cannot", "can't", "could not", "couldn't", "unable", "not found", "no such", "undefined", "unresolved",
        "refused", "unreachable", "no space", "not enough space", "memory", "exit code", "exit status", "non-zero",
        "abort", "does not exist", "invalid", "missing", "not permitted", "forbidden", "unauthorized", "exceeded",
        "canceled", "violation", "reset", "went wrong", "eresolve", "etarget", "elifecycle", "enospc", "eacces", "eperm",
        "econn", "etimedout", "enotfound", "eai_again", "hang up", "i/o timeout", "quota", "no module", "no matching",
        "ownership", "unsafe repository", "shutdown signal", "would reformat", "code style", "<<<", ".go:", "status code",
        "returned", "bad_alloc", "deadline", "lockfile", "lock file", "authentication", "not accessible", "name resolution",
        "not known", "oomkilled", "problem occurred", "undefined symbols", "bad gateway", "unavailable", "username", "401", "403", "502", "503", "504",
    ];

    /// <summary>Case-insensitive containment: <paramref name="lower"/> is the line in lower case, <paramref name="value"/> a lower-case literal.</summary>
    private static bool Has(ReadOnlySpan<char> lower, string value) => lower.Contains(value, StringComparison.Ordinal);

    /// <summary>Error codes are matched case-sensitively: "failureaccess" must not read as EACCES.</summary>
    private static bool HasCode(ReadOnlySpan<char> text, string code) => text.Contains(code, StringComparison.Ordinal);
}
