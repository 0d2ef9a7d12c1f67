using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public sealed class ReportSectionTests
{
    [Fact]
    public void Without_a_section_the_report_is_weekly_on_monday_at_nine()
    {
        Assert.Equal(new ReportConfig { Enabled = true, Every = ReportEvery.Week, Day = DayOfWeek.Monday, At = TimeSpan.FromHours(9) }, IncidentConfigParser.Parse("labels: [x]").Config.Report);
    }

    [Theory]
    [InlineData("report: false", false)]
    [InlineData("report: true", true)]
    public void A_boolean_turns_it_off_or_keeps_the_defaults(string yaml, bool enabled)
    {
        var result = IncidentConfigParser.Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal(new ReportConfig { Enabled = enabled }, result.Config.Report);
    }

    [Theory]
    [InlineData("report: { every: week, day: friday, at: \"17:30\" }", ReportEvery.Week, DayOfWeek.Friday, 17.5)]
    [InlineData("report: { every: week, day: Sun }", ReportEvery.Week, DayOfWeek.Sunday, 9)]
    [InlineData("report: { every: day, at: \"00:00\" }", ReportEvery.Day, DayOfWeek.Monday, 0)]
    [InlineData("report: { every: month }", ReportEvery.Month, DayOfWeek.Monday, 9)]
    public void Every_key_is_read(string yaml, ReportEvery every, DayOfWeek day, double hours)
    {
        var result = IncidentConfigParser.Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal(new ReportConfig { Every = every, Day = day, At = TimeSpan.FromHours(hours) }, result.Config.Report);
    }

    [Theory]
    [InlineData("report: weekly", 1, 9, "'report' must be false, true or a mapping such as {every: week, day: monday, at: \"09:00\"}")]
    [InlineData("report: { every: fortnight }", 1, 18, "'report.every' is \"fortnight\"; use day, week or month")]
    [InlineData("report: { every: \"1\" }", 1, 18, "'report.every' is \"1\"; use day, week or month")]
    [InlineData("report: { day: someday }", 1, 16, "'report.day' is \"someday\", which is not a day of the week")]
    [InlineData("report: { every: day, day: monday }", 1, 28, "'report.day' only applies to a weekly report (every: week)")]
    [InlineData("report: { at: \"9\" }", 1, 15, "'report.at' is \"9\", which is not a time of day")]
    [InlineData("report: { at: \"24:00\" }", 1, 15, "'report.at' is \"24:00\"; write \"00:00\" for midnight")]
    [InlineData("report: { when: monday }", 1, 11, "unknown key 'when' in 'report'")]
    public void Problems_say_where_and_what(string yaml, int line, int column, string message)
    {
        var problem = Assert.Single(IncidentConfigParser.Parse(yaml).Errors);

        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }
}
