namespace Logistics.Reports.Document;

/// <summary>How a paragraph stands out.</summary>
public enum ParagraphStyle
{
    Normal,

    /// <summary>The one-paragraph answer at the top of the report.</summary>
    Lead,

    /// <summary>A finding the reader must not miss (invalid input, no solution, a time-out).</summary>
    Warning,

    /// <summary>Small print under a table or figure.</summary>
    Note,
}
