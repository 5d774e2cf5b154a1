namespace Keel.FixCi.Evaluation;

/// <summary>Per-case scores of one method, and their means (each case weighs the same).</summary>
internal sealed record EvaluationReport(string Method, IReadOnlyList<CaseScore> Cases)
{
    public double Recall => Cases.Count == 0 ? 0 : Cases.Average(c => c.Recall);

    public double Precision => Cases.Count == 0 ? 0 : Cases.Average(c => c.Precision);
}
