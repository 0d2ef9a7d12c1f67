using System.Globalization;

namespace GitHubIncidentApp.Bench;

/// <summary>How a measured figure is held against its goal.</summary>
internal enum GoalKind
{
    AtMost,
    AtLeast,

    /// <summary>Not a goal but a yardstick (such as the pace GitHub's limits allow): the ratio says how close.</summary>
    Reference,
}

/// <summary>One line of the final table: the median of a scenario's runs against issue 12's goal.</summary>
internal sealed record GoalRow(string Scenario, string Measure, double Median, string Unit, double Goal, GoalKind Kind)
{
    public static GoalRow Of(string scenario, string measure, IEnumerable<double> runs, string unit, double goal, GoalKind kind) =>
        new(scenario, measure, Stats.Median(runs), unit, goal, kind);

    public string MedianText => Number(Median);

    public string GoalText => Kind switch
    {
        GoalKind.AtMost => $"<= {Number(Goal)} {Unit}",
        GoalKind.AtLeast => $">= {Number(Goal)} {Unit}",
        _ => $"~ {Number(Goal)} {Unit}",
    };

    /// <summary>Median / goal; none for a goal of 0 (such as "no GitHub call"), where only met or not says anything.</summary>
    public string Ratio => Goal == 0 ? "-" : (Median / Goal).ToString("F2", CultureInfo.InvariantCulture);

    public string Met => Kind switch
    {
        GoalKind.AtMost => Median <= Goal ? "yes" : "no",
        GoalKind.AtLeast => Median >= Goal ? "yes" : "no",
        _ => "-",
    };

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
