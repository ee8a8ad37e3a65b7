using System.Globalization;
using System.Text;

namespace Logistics.Network.Text;

/// <summary>
/// Text for a terminal. Ids, names, paths and messages come from files anyone may write; printed raw, an escape
/// sequence in them (ESC, other C0 and C1 controls) can recolour, retitle or rewrite the user's terminal, and a bidi
/// override can make text read differently from what it is. Such characters are printed as escapes instead:
/// <c>\u001b</c>, and <c>\n</c>, <c>\r</c>, <c>\t</c> for the common ones (docs/cli.md, "Output"). The one sanitiser
/// behind every console writer: the CLI's output writers (<c>ConsoleTextWriter</c>), its tables and diagnostics.
/// </summary>
public static class ConsoleText
{
    /// <summary>One value for one line: every character <see cref="IsUnsafe"/> finds, line breaks included, escaped.</summary>
    public static string Escape(string? text) => Escape(text, keepLineBreaks: false);

    /// <summary>
    /// Text the program composed: as <see cref="Escape(string?)"/>, but LF (and CR LF) stay line breaks, so
    /// multi-line output keeps its lines while a stray CR, ESC or bidi control in it is shown.
    /// </summary>
    public static string EscapeKeepingLineBreaks(string? text) => Escape(text, keepLineBreaks: true);

    /// <summary>C0 and C1 controls, DEL, the bidi embedding, override, isolate and mark characters, and the Unicode line and paragraph separators.</summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    private static string Escape(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) && !Kept(text, i, keepLineBreaks))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
            return text;
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c) || Kept(text, i, keepLineBreaks))
            {
                sb.Append(c);
                continue;
            }

            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return sb.ToString();
    }

    private static bool Kept(string text, int i, bool keepLineBreaks) =>
        keepLineBreaks && (text[i] == '\n' || (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n'));
}
