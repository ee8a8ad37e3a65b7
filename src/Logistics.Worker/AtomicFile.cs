using System.Text;

namespace Logistics.Worker;

/// <summary>Writes a file so a reader sees the old content or the new, never a part: write a sibling, flush, rename over.</summary>
internal static class AtomicFile
{
    public const string TemporaryMarker = ".tmp-";

    public static void WriteAllText(string path, string content)
    {
        string temporary = path + TemporaryMarker + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                byte[] bytes = Encoding.UTF8.GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the start-up sweep.
        }
    }
}
