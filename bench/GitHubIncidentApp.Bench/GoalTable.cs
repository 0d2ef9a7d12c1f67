namespace GitHubIncidentApp.Bench;

/// <summary>Prints <see cref="GoalRow"/>s as an aligned table.</summary>
internal static class GoalTable
{
    public static void Print(IReadOnlyList<GoalRow> rows, int runs)
    {
        string[] header = ["scenario", "measure", $"median of {runs}", "unit", "goal", "ratio", "met"];
        var lines = rows.Select(r => new[] { r.Scenario, r.Measure, r.MedianText, r.Unit, r.GoalText, r.Ratio, r.Met }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(column => lines.Max(line => line[column].Length)).ToArray();
        Console.WriteLine();
        foreach (var line in lines)
        {
            Console.WriteLine(string.Join("  ", line.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }
}
