namespace Keel.FixCi.Evaluation;

/// <summary>How well the reported lines of one case cover its marked lines.</summary>
/// <param name="Recall">Share of the marked error lines that lie in a reported block.</param>
/// <param name="Precision">Share of the reported lines that are marked error or context; 0 when nothing is reported.</param>
internal sealed record CaseScore(string Name, int ErrorLines, int ReportedLines, double Recall, double Precision);
