using System.Buffers;

namespace Keel.FixCi.Analysis;

/// <summary>
/// Decides the role of each line (<see cref="LineKind"/>) from the failure signatures in <see cref="FailureRules"/>,
/// log-level tags and the shape of stack traces. Keeps a little state for tools that spread one error over
/// two lines (Gradle prints the failed task, then the cause on the next line).
/// </summary>
internal sealed class LineClassifier
{
    private static readonly SearchValues<string> Triggers =
        SearchValues.Create(FailureRules.Triggers, StringComparison.OrdinalIgnoreCase);

    private static readonly FailureRule GenericError = new(
        "error-level", LineKind.Anchor, 50, null, "Error", null, static (_, _) => true);

    private static readonly FailureRule ActionsError = new(
        "actions-error", LineKind.Anchor, 75, null, "Workflow error", null, static (_, _) => true);

    private static readonly FailureRule ErrorKeyword = new(
        "error-keyword", LineKind.Anchor, 30, null, "Error", null, static (_, _) => true);

    private static readonly FailureRule KotlinCompiler = new(
        "kotlin-compiler", LineKind.Anchor, 90, Categories.Compilation, "Compilation error", Hints.Compilation, static (_, _) => true);

    private static readonly FailureRule PytestAssertion = new(
        "pytest-assertion", LineKind.Anchor, 60, Categories.TestFailure, "Assertion failed", Hints.TestFailure, static (_, _) => true);

    private static readonly FailureRule GradleCause = new(
        "gradle-cause", LineKind.Anchor, 75, null, "Gradle task failed", null, static (_, _) => true);

    private static readonly SearchValues<string> InfoTriggers = SearchValues.Create(
        ["fail", "no space", "memory", "killed", "timed out", "exceeded", "denied", "<<<"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> LoggerLevels = SearchValues.Create(
        [" INFO ", " DEBUG ", " TRACE ", " WARN ", " WARNING ", " ERROR ", " SEVERE ", " FATAL "], StringComparison.Ordinal);

    private string? _failedGradleTask;
    private char[] _lower = new char[512];

    public LineClass Classify(FramedLine line)
    {
        var text = line.Text;
        switch (line.Marker)
        {
            case ActionsMarker.Group:
                _failedGradleTask = null;
                return LineClass.Break;
            case ActionsMarker.EndGroup or ActionsMarker.Debug or ActionsMarker.Command or ActionsMarker.Notice:
                return LineClass.Neutral;
        }

        if (text.IsWhiteSpace() || text.StartsWith("Finished: ", StringComparison.Ordinal))
        {
            // Jenkins ends every log with "Finished: <result>", which restates the result without a cause.
            return LineClass.Neutral;
        }

        if (_failedGradleTask is { } task)
        {
            _failedGradleTask = null;
            if (text.StartsWith("> ", StringComparison.Ordinal))
            {
                return ClassifyGradleCause(task, text);
            }
        }

        if (IsStackFrame(text))
        {
            return LineClass.StrongContinuation;
        }

        var leveled = LevelOf(text);
        var level = leveled.Level;
        var body = leveled.Body;
        if (line.Marker == ActionsMarker.Error)
        {
            level = LineLevel.Error;
        }
        else if (line.Marker == ActionsMarker.Warning)
        {
            level = LineLevel.Warning;
        }

        if (level == LineLevel.Error && IsToolBoilerplate(body))
        {
            return LineClass.Continuation;
        }

        if (level == LineLevel.Info)
        {
            // Info-level output is progress, except for the few summaries and root causes tools print at info level.
            var infoRule = text.IndexOfAny(InfoTriggers) >= 0 ? Match(text) : null;
            return infoRule is not null && (infoRule.Kind == LineKind.Marker || infoRule.Score >= 95)
                ? Verdict(infoRule, infoRule.Score, text)
                : LineClass.Break;
        }

        var triggered = text.IndexOfAny(Triggers) >= 0 || text.Contains('●');
        if (triggered)
        {
            var rule = Match(text);
            if (rule is null && body.Length != text.Length)
            {
                rule = Match(body);
            }
            if (rule is not null)
            {
                if (rule.Id == "gradle-task" && text.Contains("Execution failed for task", StringComparison.Ordinal))
                {
                    _failedGradleTask = text.ToString();
                }
                var score = level == LineLevel.Warning && rule.Kind == LineKind.Anchor ? rule.Score / 3 : rule.Score;
                return Verdict(rule, score, text);
            }
        }

        if (char.IsWhiteSpace(text[0]) || IsContinuationShape(text))
        {
            return LineClass.Continuation;
        }

        if (level == LineLevel.Error)
        {
            return line.Marker == ActionsMarker.Error ? Verdict(ActionsError, ActionsError.Score, text) : Verdict(GenericError, GenericError.Score, body);
        }

        if (text.StartsWith("e: ", StringComparison.Ordinal) && text.Length > 4 && text[3] is '/' or 'f' or 'C' or '.')
        {
            return Verdict(KotlinCompiler, KotlinCompiler.Score, text);
        }

        if (text.StartsWith("E  ", StringComparison.Ordinal))
        {
            return Verdict(PytestAssertion, PytestAssertion.Score, text);
        }

        if (triggered && level != LineLevel.Warning && FailurePatterns.ErrorWord().IsMatch(text)
            && !FailurePatterns.ReassuringCount().IsMatch(text))
        {
            return Verdict(ErrorKeyword, ErrorKeyword.Score, text);
        }

        return LineClass.Neutral;
    }

    private FailureRule? Match(ReadOnlySpan<char> text)
    {
        if (_lower.Length < text.Length)
        {
            _lower = new char[Math.Max(text.Length, _lower.Length * 2)];
        }
        var lower = _lower.AsSpan(0, text.Length);
        text.ToLowerInvariant(lower);
        foreach (var rule in FailureRules.All)
        {
            if (rule.Matches(text, lower))
            {
                return rule;
            }
        }
        return null;
    }

    private static LineClass Verdict(FailureRule rule, int score, ReadOnlySpan<char> text) =>
        new(rule.Kind, score, rule, rule.Category ?? ContentCategory.Infer(text));

    private static LineClass ClassifyGradleCause(string task, ReadOnlySpan<char> cause)
    {
        if (cause.Contains("There were failing tests", StringComparison.Ordinal)
            || cause.Contains("Compilation failed; see the compiler error output", StringComparison.Ordinal)
            || cause.Contains("finished with non-zero exit value", StringComparison.Ordinal))
        {
            // The real errors were printed above; this line only points at them.
            return new LineClass(LineKind.Marker, 10, GradleCause, ContentCategory.Infer(task));
        }

        var category = ContentCategory.Infer(task);
        if (category == Categories.Other)
        {
            category = ContentCategory.Infer(cause);
        }
        return new LineClass(LineKind.Anchor, GradleCause.Score, GradleCause, category);
    }

    /// <summary>Stack frames of the JVM, .NET, Node and Python, and the lines that elide them.</summary>
    internal static bool IsStackFrame(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length == text.Length && !trimmed.StartsWith("at ", StringComparison.Ordinal))
        {
            return false;
        }
        if (trimmed.StartsWith("at ", StringComparison.Ordinal))
        {
            return trimmed.Contains('(') || trimmed.Contains(" in ", StringComparison.Ordinal) || trimmed.Contains(':');
        }
        if (trimmed.StartsWith("... ", StringComparison.Ordinal) && trimmed.TrimEnd().EndsWith("more", StringComparison.Ordinal))
        {
            return true;
        }
        return trimmed.StartsWith("File \"", StringComparison.Ordinal) && trimmed.Contains(", line ", StringComparison.Ordinal);
    }

    private static bool IsContinuationShape(ReadOnlySpan<char> text) =>
        IsSourceExcerpt(text)
        || text.StartsWith("Caused by:", StringComparison.Ordinal)
        || text.StartsWith("Caused:", StringComparison.Ordinal)
        || text.StartsWith("Suppressed:", StringComparison.Ordinal)
        || text.StartsWith("Also:", StringComparison.Ordinal)
        || text.StartsWith("During handling of the above exception", StringComparison.Ordinal)
        || text.StartsWith("The above exception was the direct cause", StringComparison.Ordinal)
        || text.StartsWith("note:", StringComparison.Ordinal)
        || text.StartsWith("help:", StringComparison.Ordinal)
        || text.StartsWith("stdout:", StringComparison.Ordinal)
        || text.StartsWith("stderr:", StringComparison.Ordinal)
        || text.StartsWith("goroutine ", StringComparison.Ordinal);

    /// <summary>A numbered source line that rustc, gcc and clang quote under an error: "42 |     let x = y;".</summary>
    private static bool IsSourceExcerpt(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        return digits > 0 && text[digits..].TrimStart().StartsWith('|');
    }

    /// <summary>Advice tools print after every failure ("Re-run Maven using the -X switch").</summary>
    private static bool IsToolBoilerplate(ReadOnlySpan<char> body)
    {
        var trimmed = body.Trim();
        return trimmed.IsEmpty
            || trimmed.StartsWith("To see the full stack trace", StringComparison.Ordinal)
            || trimmed.StartsWith("Re-run Maven", StringComparison.Ordinal)
            || trimmed.StartsWith("For more information about the errors", StringComparison.Ordinal)
            || trimmed.StartsWith("[Help ", StringComparison.Ordinal)
            || trimmed.StartsWith("-> [Help", StringComparison.Ordinal)
            || trimmed.StartsWith("After correcting the problems", StringComparison.Ordinal)
            || trimmed.StartsWith("mvn <", StringComparison.Ordinal)
            || trimmed.StartsWith("A complete log of this run", StringComparison.Ordinal);
    }

    /// <summary>The level a line declares with a leading tag, and the text after the tag.</summary>
    internal static LeveledText LevelOf(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close > 1 && close < 10)
            {
                var level = text[1..close] switch
                {
                    "INFO" or "DEBUG" or "TRACE" or "info" or "debug" => LineLevel.Info,
                    "WARNING" or "WARN" or "warn" or "warning" => LineLevel.Warning,
                    "ERROR" or "FATAL" or "error" or "fatal" => LineLevel.Error,
                    _ => LineLevel.None,
                };
                if (level != LineLevel.None)
                {
                    return new LeveledText(level, text[(close + 1)..].TrimStart());
                }
            }
        }

        ReadOnlySpan<(string Prefix, LineLevel Level)> prefixes =
        [
            ("npm ERR!", LineLevel.Error), ("npm error", LineLevel.Error), ("npm WARN", LineLevel.Warning),
            ("npm warn", LineLevel.Warning), ("ERROR:", LineLevel.Error), ("Error:", LineLevel.Error),
            ("error:", LineLevel.Error), ("FATAL:", LineLevel.Error), ("fatal:", LineLevel.Error),
            ("WARNING:", LineLevel.Warning), ("Warning:", LineLevel.Warning), ("warning:", LineLevel.Warning),
            ("INFO:", LineLevel.Info), ("DEBUG:", LineLevel.Info), ("error ", LineLevel.Error), ("warning ", LineLevel.Warning),
        ];
        foreach (var (prefix, level) in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new LeveledText(level, text[prefix.Length..].TrimStart());
            }
        }
        return LoggerLevelOf(text);
    }

    /// <summary>
    /// Logging frameworks put the level after a timestamp or thread name: "2024-01-31 12:00:00,123 INFO [main] x",
    /// "[main] ERROR com.example.App - x".
    /// </summary>
    private static LeveledText LoggerLevelOf(ReadOnlySpan<char> text)
    {
        var head = text[..Math.Min(text.Length, 80)];
        var at = head.IndexOfAny(LoggerLevels);
        if (at <= 0)
        {
            return new LeveledText(LineLevel.None, text);
        }

        var prefix = text[..at];
        if (prefix.IndexOfAnyInRange('0', '9') < 0 && !prefix.Contains(']'))
        {
            return new LeveledText(LineLevel.None, text);
        }
        var spaces = 0;
        foreach (var c in prefix.Trim())
        {
            spaces += c == ' ' ? 1 : 0;
        }
        if (spaces > 3)
        {
            return new LeveledText(LineLevel.None, text);
        }

        var word = text[(at + 1)..];
        var level = word[0] switch
        {
            'I' or 'D' or 'T' => LineLevel.Info,
            'W' => LineLevel.Warning,
            _ => LineLevel.Error,
        };
        var end = word.IndexOf(' ');
        return new LeveledText(level, word[end..].TrimStart());
    }
}
