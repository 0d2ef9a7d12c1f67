using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class ScheduleTextTests
{
    [Theory]
    [InlineData("mon-fri", "Monday,Tuesday,Wednesday,Thursday,Friday")]
    [InlineData("sat-sun", "Sunday,Saturday")]
    [InlineData("fri-mon", "Sunday,Monday,Friday,Saturday")]
    [InlineData("mon,wed", "Monday,Wednesday")]
    [InlineData("Mon, Wed-Thu", "Monday,Wednesday,Thursday")]
    [InlineData("sun-sun", "Sunday")]
    [InlineData("sun-sat", "Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday")]
    public void Days_read_as_names_and_ranges_that_may_wrap(string text, string expected)
    {
        Assert.True(ScheduleText.TryParseDays(text, out var days));
        Assert.Equal(expected, string.Join(",", days.Order()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("weekdays")]
    [InlineData("monday")]
    [InlineData("mon-")]
    [InlineData("mon-tue-wed")]
    [InlineData("mon,,tue")]
    public void Other_day_texts_are_refused(string text) => Assert.False(ScheduleText.TryParseDays(text, out _));

    [Theory]
    [InlineData("00:00", 0)]
    [InlineData("09:30", 570)]
    [InlineData("24:00", 1440)]
    public void Times_of_day_run_from_midnight_to_midnight(string text, int minutes)
    {
        Assert.True(ScheduleText.TryParseTimeOfDay(text, out var time));
        Assert.Equal(TimeSpan.FromMinutes(minutes), time);
    }

    [Theory]
    [InlineData("9:00")]
    [InlineData("24:01")]
    [InlineData("12:60")]
    [InlineData("25:00")]
    [InlineData("0900")]
    public void Other_times_of_day_are_refused(string text) => Assert.False(ScheduleText.TryParseTimeOfDay(text, out _));

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("Pacific/Kiritimati", true)]
    [InlineData("UTC", true)]
    [InlineData("W. Europe Standard Time", false)]   // a Windows id would not mean the same on every host
    [InlineData("europe/berlin ", false)]
    [InlineData("", false)]
    public void Zones_are_iana_ids(string id, bool valid) => Assert.Equal(valid, ScheduleText.TryFindZone(id, out _));
}
