using System.Text;

namespace Keel.FixCi.Comments;

/// <summary>Makes text from logs safe to put into a GitHub comment.</summary>
internal static class MarkdownText
{
    // Only what can start markup mid-line; "(" or "!" mean nothing once "[" is escaped.
    private const string Punctuation = "\\`*_[]<>|~#&";

    /// <summary>
    /// Inline text that renders as itself: Markdown and HTML punctuation is backslash-escaped, line breaks become
    /// spaces, and <c>@</c> is followed by a zero-width space so log text never notifies a GitHub user or team.
    /// </summary>
    public static string Inline(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
            }
            else if (c == '@')
            {
                escaped.Append("@\u200B");
            }
            else
            {
                if (Punctuation.Contains(c))
                {
                    escaped.Append('\\');
                }
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    /// <summary>A code fence longer than any run of backticks in <paramref name="lines"/>, at least three long.</summary>
    public static string FenceFor(IEnumerable<string> lines)
    {
        var longest = 0;
        foreach (var line in lines)
        {
            var run = 0;
            foreach (var c in line)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
        }
        return new string('`', Math.Max(3, longest + 1));
    }
}
