using System.Text;

using Logistics.Network.Text;

namespace Logistics.Cli;

/// <summary>
/// Wraps the CLI's standard output and error so nothing a verb prints can reach the terminal as a control sequence:
/// every write goes through <see cref="ConsoleText.EscapeKeepingLineBreaks"/> (line breaks the program writes stay
/// line breaks). Values that must stay on one line (table cells, diagnostics) are escaped fully before they get here.
/// </summary>
internal sealed class ConsoleTextWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n' || !ConsoleText.IsUnsafe(value))
            inner.Write(value);
        else
            inner.Write(ConsoleText.Escape(value.ToString()));
    }

    public override void Write(string? value) => inner.Write(ConsoleText.EscapeKeepingLineBreaks(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void WriteLine() => inner.WriteLine();

    public override void WriteLine(string? value) => inner.WriteLine(ConsoleText.EscapeKeepingLineBreaks(value));

    public override void WriteLine(ReadOnlySpan<char> buffer) => WriteLine(new string(buffer));

    public override void Flush() => inner.Flush();

    // The inner writers belong to the caller (Console.Out, or a test's StringWriter): never disposed here.
    protected override void Dispose(bool disposing) => inner.Flush();
}
