using System.Collections.Immutable;

namespace Logistics.Network.Diagnostics;

/// <summary>
/// Every diagnostic code the loader and validator emit. Codes never change meaning; docs/diagnostics.md is
/// generated from this table (a test keeps them in step).
/// </summary>
public static class DiagnosticCodes
{
    // LG00xx: the file itself.
    public static readonly DiagnosticCode FileNotFound = new("LG0001", Severity.Error, "File not found", "Check the path; it is relative to the current directory (overlay and seed paths are relative to the network file).");
    public static readonly DiagnosticCode IsDirectory = new("LG0002", Severity.Error, "Path is a directory", "Name a .network.json file, not a folder.");
    public static readonly DiagnosticCode EmptyFile = new("LG0003", Severity.Error, "File is empty", "Write the network as a JSON object; see docs/format.md.");
    public static readonly DiagnosticCode FileTooLarge = new("LG0004", Severity.Error, "File too large", "Files over 16 MiB are refused; a real network is far smaller. Check that this is the right file.");
    public static readonly DiagnosticCode Unreadable = new("LG0005", Severity.Error, "File cannot be read", "Check the file's permissions and that it is not locked.");
    public static readonly DiagnosticCode NotRegularFile = new("LG0006", Severity.Error, "Not a regular file", "Name a regular file; a named pipe, device or socket can block or never end (a symbolic link to a regular file is fine).");
    public static readonly DiagnosticCode Syntax = new("LG0010", Severity.Error, "JSON syntax error", "Fix the JSON at the line and column given (comments and trailing commas are allowed).");
    public static readonly DiagnosticCode Version = new("LG0011", Severity.Error, "Missing or unsupported formatVersion", "Set \"formatVersion\": 1.");
    public static readonly DiagnosticCode NotAnObject = new("LG0012", Severity.Error, "Top level is not an object", "The file must hold one JSON object: { \"formatVersion\": 1, … }.");
    public static readonly DiagnosticCode NotUtf8 = new("LG0013", Severity.Error, "Text is not valid UTF-8", "Save the file as UTF-8; a \\u escape must not leave half a surrogate pair (\\ud83d alone).");

    // LG01xx: shape (types, required and unknown fields).
    public static readonly DiagnosticCode Required = new("LG0101", Severity.Error, "Required field missing", "Add the field; docs/format.md lists every required field.");
    public static readonly DiagnosticCode WrongType = new("LG0102", Severity.Error, "Wrong JSON type", "Write the value with the type docs/format.md gives (numbers without quotes, ids as strings, lists as arrays).");
    public static readonly DiagnosticCode NotAllowed = new("LG0103", Severity.Error, "Value not allowed", "Use one of the allowed values listed in the message.");
    public static readonly DiagnosticCode UnknownField = new("LG0104", Severity.Warning, "Unknown field", "Remove the field or fix its spelling; unknown fields are ignored.");
    public static readonly DiagnosticCode BadId = new("LG0105", Severity.Error, "Malformed id", "Ids are lower-case letters, digits and hyphens, starting with a letter (e.g. port-qasim).");
    public static readonly DiagnosticCode FieldForOtherKind = new("LG0106", Severity.Error, "Field does not belong to this kind", "supply is for mines, port for ports, demand for markets; commodity/mode for modeBan, markets/nodes/links for avoidThrough.");

    // LG02xx: impossible numbers.
    public static readonly DiagnosticCode NotFinite = new("LG0201", Severity.Error, "Number is not finite", "Write an ordinary number; the value overflowed.");
    public static readonly DiagnosticCode OutOfRange = new("LG0202", Severity.Error, "Number out of range", "The unit's sane range is in docs/format.md (units table); check the unit in the field name and the magnitude.");
    public static readonly DiagnosticCode CoordinateOutOfRange = new("LG0203", Severity.Error, "Latitude or longitude out of range", "Latitude is −90…90, longitude −180…180 (decimal degrees; check they are not swapped).");
    public static readonly DiagnosticCode InconsistentNumbers = new("LG0204", Severity.Error, "Numbers contradict each other", "Make the bounds consistent (for example demand minTpy ≤ maxTpy, seed low ≤ high).");

    // LG03xx: identity and references.
    public static readonly DiagnosticCode DuplicateId = new("LG0301", Severity.Error, "Duplicate id", "Give each element of a collection its own id.");
    public static readonly DiagnosticCode MissingReference = new("LG0302", Severity.Error, "Reference to a missing element", "Fix the id or add the element it names.");
    public static readonly DiagnosticCode SelfLoop = new("LG0303", Severity.Error, "Link starts and ends at the same node", "A link joins two different nodes.");
    public static readonly DiagnosticCode BadCapacityAdd = new("LG0304", Severity.Error, "Capacity increment must name one port or one link", "Write either \"port\": \"<port id>\" or \"link\": \"<link id>\"; a port target must be a port node.");
    public static readonly DiagnosticCode DuplicateEntry = new("LG0305", Severity.Error, "Duplicate entry", "A mine lists each commodity once in supply, a market once in demand.");
    public static readonly DiagnosticCode RequiresExcluded = new("LG0306", Severity.Error, "Option requires an option it excludes", "An option cannot both require and exclude the same option (or itself).");

    // LG04xx: scenarios.
    public static readonly DiagnosticCode UnknownScenario = new("LG0401", Severity.Error, "Unknown scenario", "Use one of the scenario ids the file defines (logistics describe lists them).");
    public static readonly DiagnosticCode PathMatchesNothing = new("LG0402", Severity.Error, "Scenario path matches nothing", "Check the ids and field name in the path; docs/format.md gives the path syntax.");
    public static readonly DiagnosticCode BadPath = new("LG0403", Severity.Error, "Malformed scenario path", "Write paths as collection[id].field, e.g. links[rohri-quetta].capacityTpy.");
    public static readonly DiagnosticCode BadChange = new("LG0404", Severity.Error, "Change needs exactly one operation", "Give exactly one of set, multiply or add.");
    public static readonly DiagnosticCode NotNumeric = new("LG0405", Severity.Error, "Path names a field that is not a number", "Changes act on numeric fields only; use disable, forceBuild or enableRules for the rest.");
    public static readonly DiagnosticCode OverlayFile = new("LG0406", Severity.Error, "Scenario overlay file problem", "Check the overlay file's path (relative to the network file) and its contents.");

    // LG05xx: network structure.
    public static readonly DiagnosticCode RequirementCycle = new("LG0501", Severity.Error, "Options require each other in a cycle", "Break the cycle: an option cannot (indirectly) require itself.");
    public static readonly DiagnosticCode MineWithoutPort = new("LG0502", Severity.Error, "Mine cannot reach any port", "Add a link (or an option that builds one) from the mine towards a port; check link directions.");
    public static readonly DiagnosticCode MarketUnreachable = new("LG0503", Severity.Error, "No mine can reach the market", "Add links to the market or remove it; check link directions.");
    public static readonly DiagnosticCode Disconnected = new("LG0504", Severity.Warning, "Network falls into disconnected parts", "Link the parts or remove the stray nodes.");
    public static readonly DiagnosticCode SupplyExceedsCapacity = new("LG0505", Severity.Warning, "Supply exceeds every route's capacity", "Even with every option built the mine cannot ship all its output; raise capacities, add options or allow unshipped output.");
    public static readonly DiagnosticCode BudgetBelowCheapest = new("LG0506", Severity.Warning, "Budget below the cheapest option", "No option fits the budget; raise metadata.capexBudgetUsd or remove it.");
    public static readonly DiagnosticCode UnreachablePortCapacity = new("LG0507", Severity.Warning, "Port has zero capacity and no option adds any", "A port with capacityTpy 0 is usable only via an option's capacityAdds; add one or remove the port.");
    public static readonly DiagnosticCode CommodityCannotReachMarket = new("LG0508", Severity.Error, "Commodity cannot reach a market that demands it", "Allow the commodity on the blocking links (link commodities), disable the modeBan rule, add a route or option, or add a market demand; an allowUnshipped supply makes this a warning.");

    // LG06xx: seeds and provenance.
    public static readonly DiagnosticCode NoSource = new("LG0601", Severity.Warning, "Figure cites no seed", "Add \"source\": \"<seed id>\" to the figure or its element, and the seed to seeds/.");
    public static readonly DiagnosticCode MissingSeed = new("LG0602", Severity.Error, "Figure cites a missing seed", "Add the seed to a file in the seeds folder or fix the id.");
    public static readonly DiagnosticCode UnusedSeed = new("LG0603", Severity.Warning, "Seed not used by the network", "Cite the seed from a figure or remove it from the register.");
    public static readonly DiagnosticCode OutsideSeedRange = new("LG0604", Severity.Warning, "Figure differs from its seed", "Make the figure agree with the seed (or widen the seed's low/high with a reason).");
    public static readonly DiagnosticCode SeedsFolder = new("LG0605", Severity.Warning, "Seeds folder missing", "Create the folder named by metadata.seeds (default ../seeds) or fix the path.");
    public static readonly DiagnosticCode BadSeed = new("LG0606", Severity.Error, "Seed entry invalid", "An assumption needs low and high; a sourced seed needs a source; ids are unique across the register.");

    /// <summary>Every code, in code order (docs/diagnostics.md lists them all).</summary>
    public static ImmutableArray<DiagnosticCode> All { get; } =
    [
        FileNotFound, IsDirectory, EmptyFile, FileTooLarge, Unreadable, NotRegularFile, Syntax, Version, NotAnObject, NotUtf8,
        Required, WrongType, NotAllowed, UnknownField, BadId, FieldForOtherKind,
        NotFinite, OutOfRange, CoordinateOutOfRange, InconsistentNumbers,
        DuplicateId, MissingReference, SelfLoop, BadCapacityAdd, DuplicateEntry, RequiresExcluded,
        UnknownScenario, PathMatchesNothing, BadPath, BadChange, NotNumeric, OverlayFile,
        RequirementCycle, MineWithoutPort, MarketUnreachable, Disconnected, SupplyExceedsCapacity, BudgetBelowCheapest, UnreachablePortCapacity, CommodityCannotReachMarket,
        NoSource, MissingSeed, UnusedSeed, OutsideSeedRange, SeedsFolder, BadSeed,
    ];
}
