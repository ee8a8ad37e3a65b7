using Logistics.Network.IO;

namespace Logistics.Cli.Commands;

/// <summary>
/// A file named on the command line for the tool to write (<c>--json</c>, <c>--export-model</c>). It is checked before
/// any work (a folder, a missing folder), and written whole or not at all: into a temporary sibling that is renamed
/// over the target, so a full disk or a failure part-way leaves no partial file and the previous file intact.
/// </summary>
internal static class OutputFile
{
    /// <summary>Why the file cannot be written, or null when it can be tried.</summary>
    public static string? Check(FileInfo? file, string option)
    {
        if (file is null) return null;
        if (Directory.Exists(file.FullName)) return $"{option} {file}: that is a folder; name a file (for example {Path.Combine(file.ToString(), "result.json")}).";
        var folder = file.DirectoryName;
        if (folder is null || !Directory.Exists(folder)) return $"{option} {file}: the folder '{folder}' does not exist; create it first or name a file in an existing folder.";
        return null;
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte-order mark); false after printing why it failed.</summary>
    public static bool TryWrite(CliContext context, FileInfo file, string option, string text) =>
        TryWrite(context, file, option, path => File.WriteAllText(path, text));

    /// <summary>Writes through <paramref name="write"/> (which is given the path to write); false after printing why it failed.</summary>
    public static bool TryWrite(CliContext context, FileInfo file, string option, Action<string> write)
    {
        var target = file.FullName;
        if (InputFileReader.IsSpecialFile(target))
        {
            // A pipe or device (/dev/stdout): nothing to swap, and nothing partial to clean up.
            return Try(context, option, target, () => write(target));
        }

        // Same folder (so the rename is atomic) and same extension (writers choose the format by it).
        var temporary = Path.Combine(file.DirectoryName ?? ".", $".{Path.GetFileNameWithoutExtension(file.Name)}.{Guid.NewGuid():N}.tmp{file.Extension}");
        var written = Try(context, option, target, () =>
        {
            write(temporary);
            File.Move(temporary, target, overwrite: true);
        });
        if (!written) TryDelete(temporary);
        return written;
    }

    private static bool Try(CliContext context, string option, string target, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: {option} {target}: cannot write the file: {ex.Message}");
            context.Error.WriteLine("Nothing was written there. Check that the disk has room and that you may write to that folder.");
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the message above already says the write failed.
        }
    }
}
