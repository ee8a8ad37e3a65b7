using System.CommandLine;

using Logistics.Network.IO.Format;

namespace Logistics.Cli.Commands;

/// <summary>
/// <c>logistics schema --out schema/</c> and <c>logistics docs --out docs/</c>: write the JSON Schemas and the format and
/// diagnostics references generated from the format table (maintainers run these after changing the table).
/// </summary>
public static class GeneratedFilesCommand
{
    public static Command CreateSchema(CliContext context) =>
        Create(context, "schema", "Write the JSON Schemas (network, scenario, seeds) generated from the format table.", "schema", SchemaGenerator.All);

    public static Command CreateDocs(CliContext context) =>
        Create(context, "docs", "Write docs/format.md and docs/diagnostics.md generated from the format and diagnostics tables.", "docs", FormatDocsGenerator.All);

    private static Command Create(CliContext context, string name, string description, string defaultFolder, Func<IReadOnlyList<(string FileName, string Text)>> generate)
    {
        var output = new Option<string>("--out") { Description = $"Folder to write into (default {defaultFolder}/).", DefaultValueFactory = _ => defaultFolder };
        var command = new Command(name, description) { output };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            try
            {
                Directory.CreateDirectory(folder);
                foreach (var (fileName, text) in generate())
                {
                    var path = Path.Combine(folder, fileName);
                    File.WriteAllText(path, text);
                    context.Out.WriteLine($"wrote {path}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"error: cannot write to '{folder}': {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
