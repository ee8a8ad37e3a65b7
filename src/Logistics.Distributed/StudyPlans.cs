using System.Collections.Immutable;

using Logistics.Analysis;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;

namespace Logistics.Distributed;

/// <summary>The plan of each study kind.</summary>
public static class StudyPlans
{
    public static IStudyPlan For(StudyKind kind) => kind switch
    {
        StudyKind.Compare => CompareStudy.Instance,
        StudyKind.Sweep => SweepStudy.Instance,
        StudyKind.Resilience => ResilienceStudy.Instance,
        StudyKind.Uncertainty => UncertaintyStudy.Instance,
        StudyKind.Report => ReportStudy.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No plan for this study kind."),
    };
}
