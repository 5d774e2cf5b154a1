using Keel.FixCi.Analysis;

namespace Keel.FixCi.Tests.Analysis;

public sealed class ToolSignatureTests
{
    [Fact]
    public void Maven_compilation_error_is_found_with_its_details()
    {
        var log = LogText.Of(
            "[INFO] --- maven-compiler-plugin:3.11.0:compile (default-compile) @ shop ---",
            "[INFO] Compiling 42 source files to /home/runner/work/shop/target/classes",
            "[INFO] -------------------------------------------------------------",
            "[ERROR] COMPILATION ERROR : ",
            "[INFO] -------------------------------------------------------------",
            "[ERROR] /home/runner/work/shop/src/main/java/shop/Cart.java:[12,20] cannot find symbol",
            "  symbol:   class Prodcut",
            "  location: class shop.Cart",
            "[INFO] 1 error",
            "[INFO] BUILD FAILURE");

        var block = Best(log);

        block.Category.ShouldBe(Categories.Compilation);
        block.Start.ShouldBe(LogText.LineOf(log, "Cart.java:[12,20]"));
        block.End.ShouldBe(LogText.LineOf(log, "location: class shop.Cart"));
        block.Summary.ShouldContain("cannot find symbol");
        block.Hint.ShouldNotBeNull();
    }

    [Fact]
    public void Gradle_failure_reports_the_cause_under_what_went_wrong()
    {
        var log = LogText.Of(
            "> Task :app:compileJava",
            "> Task :app:checkstyleMain FAILED",
            "",
            "FAILURE: Build failed with an exception.",
            "",
            "* What went wrong:",
            "Execution failed for task ':app:checkstyleMain'.",
            "> Checkstyle rule violations were found. See the report at: file:///home/runner/work/app/build/reports/checkstyle/main.html",
            "",
            "* Try:",
            "> Run with --stacktrace option to get the stack trace.",
            "",
            "BUILD FAILED in 21s");

        var block = Best(log);

        block.Category.ShouldBe(Categories.Lint);
        block.Start.ShouldBe(LogText.LineOf(log, "Execution failed for task"));
        block.End.ShouldBe(LogText.LineOf(log, "Checkstyle rule violations"));
    }

    [Fact]
    public void Gradle_failed_test_is_preferred_to_the_generic_task_failure()
    {
        var log = LogText.Of(
            "> Task :lib:test FAILED",
            "",
            "PriceTest > roundsHalfUp() FAILED",
            "    org.opentest4j.AssertionFailedError at PriceTest.java:31",
            "",
            "12 tests completed, 1 failed",
            "",
            "* What went wrong:",
            "Execution failed for task ':lib:test'.",
            "> There were failing tests. See the report at: file:///home/runner/work/lib/build/reports/tests/test/index.html");

        var result = LogAnalyzer.Analyze(log);

        result.Blocks.Count.ShouldBe(1);
        result.Blocks[0].Category.ShouldBe(Categories.TestFailure);
        result.Blocks[0].Start.ShouldBe(LogText.LineOf(log, "roundsHalfUp() FAILED"));
        result.Blocks[0].End.ShouldBe(LogText.LineOf(log, "AssertionFailedError"));
    }

    [Fact]
    public void Npm_missing_script_is_a_configuration_error()
    {
        var log = LogText.Of(
            "> web@1.0.0 prebuild",
            "npm ERR! Missing script: \"biuld\"",
            "npm ERR! ",
            "npm ERR! Did you mean this?",
            "npm ERR!     npm run build # run the \"build\" package script",
            "npm ERR! A complete log of this run can be found in:",
            "npm ERR!     /home/runner/.npm/_logs/2024-03-01T10_15_42_123Z-debug-0.log");

        var block = Best(log);

        block.Category.ShouldBe(Categories.Configuration);
        block.Start.ShouldBe(2);
        block.End.ShouldBe(7);
    }

    [Fact]
    public void Npm_dependency_conflict_is_a_dependency_resolution_error()
    {
        var log = LogText.Of(
            "npm ERR! code ERESOLVE",
            "npm ERR! ERESOLVE unable to resolve dependency tree",
            "npm ERR! Found: react@18.2.0",
            "npm ERR! Could not resolve dependency:",
            "npm ERR! peer react@\"^17.0.0\" from react-widgets@4.6.1");

        Best(log).Category.ShouldBe(Categories.DependencyResolution);
    }

    [Fact]
    public void Pytest_failures_are_test_failures()
    {
        var log = LogText.Of(
            "============================= test session starts ==============================",
            "collected 12 items",
            "tests/test_cart.py ........F...                                           [100%]",
            "=================================== FAILURES ===================================",
            "_______________________________ test_total ______________________________________",
            "    def test_total():",
            ">       assert total([1, 2]) == 4",
            "E       assert 3 == 4",
            "E        +  where 3 = total([1, 2])",
            "tests/test_cart.py:8: AssertionError",
            "=========================== short test summary info ============================",
            "FAILED tests/test_cart.py::test_total - assert 3 == 4",
            "========================= 1 failed, 11 passed in 0.12s =========================");

        var result = LogAnalyzer.Analyze(log);

        result.Blocks[0].Category.ShouldBe(Categories.TestFailure);
        result.Blocks.ShouldContain(b => b.Start <= LogText.LineOf(log, "FAILED tests/test_cart.py") && b.End >= LogText.LineOf(log, "FAILED tests/test_cart.py"));
        result.Blocks.ShouldContain(b => b.Start <= LogText.LineOf(log, "E       assert 3 == 4") && b.End >= LogText.LineOf(log, "E       assert 3 == 4"));
    }

    [Fact]
    public void Go_test_failure_is_a_test_failure()
    {
        var log = LogText.Of(
            "=== RUN   TestParse",
            "    parse_test.go:14: got 3, want 4",
            "--- FAIL: TestParse (0.00s)",
            "=== RUN   TestFormat",
            "--- PASS: TestFormat (0.00s)",
            "FAIL",
            "FAIL\tgithub.com/acme/tool/parse\t0.012s",
            "ok  \tgithub.com/acme/tool/format\t0.010s");

        var block = Best(log);

        block.Category.ShouldBe(Categories.TestFailure);
        block.Start.ShouldBe(LogText.LineOf(log, "--- FAIL: TestParse"));
    }

    [Fact]
    public void Dotnet_compiler_error_is_a_compilation_error()
    {
        var log = LogText.Of(
            "  Determining projects to restore...",
            "  All projects are up-to-date for restore.",
            "/home/runner/work/api/src/Api/Orders.cs(42,17): error CS0103: The name 'totl' does not exist in the current context [/home/runner/work/api/src/Api/Api.csproj]",
            "",
            "Build FAILED.");

        var block = Best(log);

        block.Category.ShouldBe(Categories.Compilation);
        block.Start.ShouldBe(3);
        block.Summary.ShouldContain("CS0103");
    }

    [Fact]
    public void Dotnet_failed_test_is_a_test_failure()
    {
        var log = LogText.Of(
            "Starting test execution, please wait...",
            "  Failed Api.Tests.OrderTests.Total_includes_tax [23 ms]",
            "  Error Message:",
            "   Assert.Equal() Failure: Values differ",
            "  Stack Trace:",
            "     at Api.Tests.OrderTests.Total_includes_tax() in /home/runner/work/api/tests/OrderTests.cs:line 31",
            "",
            "Failed!  - Failed:     1, Passed:    41, Skipped:     0, Total:    42, Duration: 1 s - Api.Tests.dll (net10.0)");

        var block = Best(log);

        block.Category.ShouldBe(Categories.TestFailure);
        block.Start.ShouldBe(2);
        block.End.ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public void Cargo_error_code_is_a_compilation_error()
    {
        var log = LogText.Of(
            "   Compiling tool v0.1.0 (/home/runner/work/tool)",
            "error[E0425]: cannot find value `cfg` in this scope",
            "  --> src/main.rs:7:13",
            "   |",
            "7  |     let x = cfg.port;",
            "   |             ^^^ not found in this scope",
            "",
            "error: could not compile `tool` (bin \"tool\") due to 1 previous error");

        var block = Best(log);

        block.Category.ShouldBe(Categories.Compilation);
        block.Start.ShouldBe(2);
        block.End.ShouldBe(LogText.LineOf(log, "^^^ not found"));
    }

    [Fact]
    public void Gcc_error_is_a_compilation_error()
    {
        var log = LogText.Of(
            "gcc -O2 -Wall -c src/net.c -o build/net.o",
            "src/net.c: In function 'connect_to':",
            "src/net.c:42:9: error: 'sockfd' undeclared (first use in this function)",
            "   42 |         sockfd = socket(AF_INET, SOCK_STREAM, 0);",
            "      |         ^~~~~~",
            "make: *** [Makefile:12: build/net.o] Error 1");

        var block = Best(log);

        block.Category.ShouldBe(Categories.Compilation);
        block.Start.ShouldBe(3);
        block.End.ShouldBe(6);
    }

    [Fact]
    public void Docker_build_step_failure_is_found()
    {
        var log = LogText.Of(
            "#9 [builder 4/6] RUN npm ci",
            "#9 0.512 npm ERR! code E404",
            "#9 0.513 npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd - Not found",
            "#9 ERROR: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1",
            "------",
            " > [builder 4/6] RUN npm ci:",
            "------",
            "ERROR: failed to solve: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1");

        var result = LogAnalyzer.Analyze(log);

        result.Blocks.ShouldNotBeEmpty();
        result.Blocks.ShouldContain(b => b.Start <= LogText.LineOf(log, "failed to solve") && b.End >= LogText.LineOf(log, "failed to solve"));
        result.Blocks.ShouldContain(b => b.Start <= 2 && b.End >= 3 && b.Category == Categories.DependencyResolution);
    }

    [Fact]
    public void Killed_process_is_out_of_memory()
    {
        var log = LogText.Of(
            "[ 87%] Building CXX object src/CMakeFiles/engine.dir/render.cpp.o",
            "c++: fatal error: Killed signal terminated program cc1plus",
            "compilation terminated.",
            "make[2]: *** [src/CMakeFiles/engine.dir/build.make:90: src/CMakeFiles/engine.dir/render.cpp.o] Error 1");

        Best(log).Category.ShouldBe(Categories.OutOfMemory);
    }

    [Fact]
    public void Exit_code_137_is_out_of_memory()
    {
        var log = LogText.Of(
            "Running webpack...",
            "Killed",
            "error Command failed with exit code 137.");

        var block = Best(log);

        block.Category.ShouldBe(Categories.OutOfMemory);
        block.Start.ShouldBe(2);
    }

    [Fact]
    public void Job_timeout_is_a_timeout()
    {
        var log = LogText.Of(
            "2024-03-01T10:15:42.1234567Z Running integration tests...",
            "2024-03-01T16:15:42.1234567Z ##[error]The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 360 minutes.");

        var block = Best(log);

        block.Category.ShouldBe(Categories.Timeout);
        block.Start.ShouldBe(2);
    }

    [Fact]
    public void Permission_denied_is_a_permission_error()
    {
        var log = LogText.Of(
            "Run ./scripts/deploy.sh",
            "/home/runner/work/_temp/1c2d.sh: line 1: ./scripts/deploy.sh: Permission denied",
            "Error: Process completed with exit code 126.");

        var block = Best(log);

        block.Category.ShouldBe(Categories.Permission);
        block.Start.ShouldBe(2);
    }

    [Fact]
    public void Unreachable_host_is_a_network_error()
    {
        var log = LogText.Of(
            "Cloning into 'vendor/lib'...",
            "fatal: unable to access 'https://git.example.com/lib.git/': Could not resolve host: git.example.com");

        var block = Best(log);

        block.Category.ShouldBe(Categories.Network);
        block.Start.ShouldBe(2);
    }

    [Fact]
    public void Java_exception_keeps_its_whole_stack_trace()
    {
        var log = LogText.Of(
            "Starting importer",
            "Exception in thread \"main\" java.lang.IllegalStateException: no config",
            "\tat com.acme.Importer.load(Importer.java:12)",
            "\tat com.acme.Importer.main(Importer.java:5)",
            "Caused by: java.io.FileNotFoundException: config.yml",
            "\tat java.base/java.io.FileInputStream.open0(Native Method)",
            "\t... 2 more",
            "Done");

        var block = Best(log);

        block.Start.ShouldBe(2);
        block.End.ShouldBe(7);
    }

    [Fact]
    public void Success_counts_are_not_errors()
    {
        var log = LogText.Of(
            "Tests run: 12, Failures: 0, Errors: 0, Skipped: 0",
            "Compiled with 0 errors",
            "Finished: SUCCESS");

        LogAnalyzer.Analyze(log).Blocks.ShouldAllBe(b => b.Summary.StartsWith("No known error signature", StringComparison.Ordinal));
    }

    private static LogBlock Best(string log)
    {
        var result = LogAnalyzer.Analyze(log);
        result.Blocks.ShouldNotBeEmpty();
        return result.Blocks[0];
    }
}
