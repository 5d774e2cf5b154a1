using System.Text.RegularExpressions;

namespace Keel.FixCi.Analysis;

/// <summary>The line shapes that need more than a substring test.</summary>
internal static partial class FailurePatterns
{
    // javac through Maven ("File.java:[12,5] msg") or plain javac/kotlinc/scalac ("File.java:12: error: msg").
    [GeneratedRegex(@"\.(java|kt|kts|scala|groovy):(\[\d+,\d+\]|\d+: error:)")]
    public static partial Regex JvmCompilerError();

    // gcc, clang, swiftc, tsc (pretty off) and friends: "file.c:12:5: error: msg", "file.cpp(12): error C2065".
    [GeneratedRegex(@"^\S.*?:\d+:(\d+:)? (fatal )?error: |\(\d+(,\d+)?\): (fatal )?error [A-Z]+\d+")]
    public static partial Regex NativeCompilerError();

    [GeneratedRegex(@"\berror (CS|FS|BC|TS|VBNC)\d{3,5}\b")]
    public static partial Regex CompilerErrorCode();

    [GeneratedRegex(@"\berror (MSB|NETSDK)\d{3,5}\b")]
    public static partial Regex MsBuildError();

    [GeneratedRegex(@"\berror NU1\d{3}\b")]
    public static partial Regex NuGetError();

    [GeneratedRegex(@"^error\[E\d{4}\]")]
    public static partial Regex RustError();

    // go build / go vet: "./pkg/file.go:12:5: undefined: Foo".
    [GeneratedRegex(@"^\s*\S+\.go:\d+:\d+: ")]
    public static partial Regex GoCompilerError();

    [GeneratedRegex(@"^\s*--- FAIL: ")]
    public static partial Regex GoTestFailure();

    // Gradle and JUnit console output: "FooTest > bar() FAILED".
    [GeneratedRegex(@"^\s*[\w.$\[\]]+( > .+)+ FAILED\s*$")]
    public static partial Regex GradleTestFailure();

    [GeneratedRegex(@"^(FAILED|ERROR) \S+::\S+")]
    public static partial Regex PytestFailure();

    // dotnet test (vstest): "  Failed Namespace.Class.Method [12 ms]".
    [GeneratedRegex(@"^\s*Failed \S+ \[[^\]]*\]\s*$")]
    public static partial Regex DotnetTestFailure();

    // cargo test: "test tests::it_works ... FAILED".
    [GeneratedRegex(@"^test \S+ \.\.\. FAILED")]
    public static partial Regex CargoTestFailure();

    // Jest and Vitest failure titles: "  ● Suite › does something".
    [GeneratedRegex(@"^\s*● \S")]
    public static partial Regex JestFailure();

    // eslint's stylish formatter: "  12:5  error  'x' is defined but never used  no-unused-vars".
    [GeneratedRegex(@"^\s+\d+:\d+\s+error\s")]
    public static partial Regex EslintError();

    [GeneratedRegex(@"\b(returned error|status code|HTTP|response code)[: ]+(50[0-4])\b|\b50[234] (Bad Gateway|Service Unavailable|Gateway Time-?out)", RegexOptions.IgnoreCase)]
    public static partial Regex ServerError();

    [GeneratedRegex(@"\b(returned error|status code|HTTP|response code)[: ]+(401|403)\b|\b(401 Unauthorized|403 Forbidden)", RegexOptions.IgnoreCase)]
    public static partial Regex AuthError();

    [GeneratedRegex(@"(exit code|exit status|exited with code|non-zero code)[: ]+137\b", RegexOptions.IgnoreCase)]
    public static partial Regex KilledExitCode();

    // "java.io.IOException: msg", "Exception in thread "main" x.y.Z", "NameError: name 'x' is not defined".
    [GeneratedRegex(@"^\s*(Caused by: |Caused: )?(Exception in thread ""[^""]*"" )?([a-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(Exception|Error|Failure)\b(:|$)")]
    public static partial Regex ExceptionLine();

    [GeneratedRegex(@"\b(error|errors|fail|failed|failure|failures|fatal|exception|went wrong|aborted|aborting)\b", RegexOptions.IgnoreCase)]
    public static partial Regex ErrorWord();

    // Counts that report success: "0 errors", "Errors: 0", "failures=0", "no errors", "without errors".
    [GeneratedRegex(@"\b(0|no|zero|without) (errors?|failures?|failed)\b|\b(errors?|failures?|failed)(: | = |=)0\b|\bignore.?errors?\b|-Werror|\berror[-_]?(log|report|page|handler|prone)", RegexOptions.IgnoreCase)]
    public static partial Regex ReassuringCount();

    [GeneratedRegex(@"^\s*\d+ tests? completed, \d+ failed")]
    public static partial Regex GradleTestCount();

    [GeneratedRegex(@"^make(\[\d+\])?: \*\*\* ")]
    public static partial Regex MakeFailure();

    [GeneratedRegex(@"Tests run: \d+, Failures: [1-9]|Tests run: \d+, Failures: \d+, Errors: [1-9]")]
    public static partial Regex SurefireFailedCount();
}
