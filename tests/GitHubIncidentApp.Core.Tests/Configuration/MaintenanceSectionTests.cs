using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Maintenance;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class MaintenanceSectionTests
{
    [Fact]
    public void Reads_one_off_and_weekly_windows_in_the_files_timezone()
    {
        const string yaml = """
            timezone: Europe/Berlin
            maintenance:
              - { matchers: ['namespace="db"'], from: 2026-12-24T22:00Z, to: 2026-12-25T02:00Z }
              - { matchers: ['namespace="db"', 'env=~"prod|stage"'], days: sat, from: "02:00", to: "04:00" }
              - { matchers: '{team="argo"}', days: 'mon-fri', from: "22:00", to: "02:00" }
              - { matchers: ['job="backup"'], days: sun }
              - { matchers: ['job="etl"'], from: 2026-12-31T23:00, to: "2027-01-01T01:00+01:00" }
            """;

        var result = IncidentConfigParser.Parse(yaml);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var windows = result.Config.Maintenance;
        Assert.Equal(5, windows.Count);
        var once = Assert.IsType<OneOffWindow>(windows[0]);
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 22, 0, 0, TimeSpan.Zero), once.From);
        Assert.Equal(new DateTimeOffset(2026, 12, 25, 2, 0, 0, TimeSpan.Zero), once.To);
        Assert.Equal("{namespace=\"db\"}", once.Matchers.ToString());

        var saturday = Assert.IsType<WeeklyWindow>(windows[1]);
        Assert.Equal([DayOfWeek.Saturday], saturday.Days);
        Assert.Equal((TimeSpan.FromHours(2), TimeSpan.FromHours(4)), (saturday.From, saturday.To));
        Assert.Equal("Europe/Berlin", saturday.TimeZone.Id);
        Assert.Equal("sat 02:00–04:00 Europe/Berlin", saturday.Schedule);
        Assert.Equal(2, saturday.Matchers.Matchers.Count);

        var nights = Assert.IsType<WeeklyWindow>(windows[2]);
        Assert.Equal(5, nights.Days.Count);
        Assert.Equal((TimeSpan.FromHours(22), TimeSpan.FromHours(2)), (nights.From, nights.To));

        var sunday = Assert.IsType<WeeklyWindow>(windows[3]);
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromDays(1)), (sunday.From, sunday.To));

        // Without an offset, a date is the file's zone's: 23:00 in Berlin in winter is 22:00Z; both ends are the same instant.
        var local = Assert.IsType<OneOffWindow>(windows[4]);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.Zero), local.From);
        Assert.Equal(local.From.AddHours(2), local.To);
    }

    [Fact]
    public void Weekly_windows_without_a_timezone_are_in_UTC_and_no_windows_is_the_default()
    {
        var result = IncidentConfigParser.Parse("maintenance:\n  - { matchers: ['job=\"etl\"'], days: sat, from: \"02:00\", to: \"04:00\" }");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(TimeZoneInfo.Utc, Assert.IsType<WeeklyWindow>(Assert.Single(result.Config.Maintenance)).TimeZone);
        Assert.Empty(IncidentConfigParser.Parse("maintenance: []").Config.Maintenance);
        Assert.Empty(IncidentConfigParser.Parse("labels: [a]").Config.Maintenance);
    }

    /// <summary>Each a file with one problem, where it is and what it says; checked with the file's other problems in <see cref="IncidentConfigParserErrorTests"/>.</summary>
    public static TheoryData<string, int, int, string> SingleErrors => new()
    {
        { Window("{ days: sat, from: \"02:00\", to: \"04:00\" }"), 2, 5, "'maintenance[0]' has no matchers, so it would silence every alert in Alertmanager; give the alerts it is for, such as matchers: ['namespace=\"db\"']" },
        { Window("{ matchers: [], days: sat }"), 2, 17, "'maintenance[0]' has no matchers, so it would silence every alert" },
        { Window("{ matchers: ['namespace=~\".*\"', 'team!=\"x\"'], days: sat }"), 2, 17, "'maintenance[0].matchers' only has matchers that hold for alerts without the label too ({namespace=~\".*\", team!=\"x\"}), so it would silence nearly every alert, and Alertmanager refuses such silences" },
        { Window("{ matchers: ['namespace=\"db'], days: sat }"), 2, 18, "'maintenance[0].matchers[0]' is not a valid matcher" },
        { Window("{ matchers: ['job=\"x\"'], days: saturday }"), 2, 36, "'maintenance[0].days' is \"saturday\", which is not days such as mon-fri" },
        { Window("{ matchers: ['job=\"x\"'], days: sat, from: \"2am\", to: \"04:00\" }"), 2, 47, "'maintenance[0].from' is \"2am\", which is not a time of day" },
        { Window("{ matchers: ['job=\"x\"'], days: sat, from: \"02:00\" }"), 2, 5, "'maintenance[0]' has only one of from and to; give both, such as from: \"02:00\", to: \"04:00\", or neither for whole days" },
        { Window("{ matchers: ['job=\"x\"'], days: sat, from: \"02:00\", to: \"02:00\" }"), 2, 60, "'maintenance[0]' starts and ends at 02:00; a window that ends before it starts runs past midnight" },
        { Window("{ matchers: ['job=\"x\"'], from: \"02:00\", to: 2026-12-25T02:00Z }"), 2, 36, "'maintenance[0].from' is \"02:00\", a time of day; give days: (such as days: sat) for a weekly window, or a date and time such as 2026-12-24T22:00Z" },
        { Window("{ matchers: ['job=\"x\"'], to: 2026-12-25T02:00Z }"), 2, 5, "'maintenance[0]' has no from; give when it begins, such as from: 2026-12-24T22:00Z, or days: for a weekly window" },
        { Window("{ matchers: ['job=\"x\"'], from: 2026-12-24T22:00Z, to: 24.12.2026 }"), 2, 59, "'maintenance[0].to' is \"24.12.2026\", which is not a date and time such as 2026-12-24T22:00Z" },
        { Window("{ matchers: ['job=\"x\"'], from: 2026-12-25T02:00Z, to: 2026-12-24T22:00Z }"), 2, 59, "'maintenance[0].to' is not after 'maintenance[0].from'; a window must end after it begins" },
        { Window("{ matchers: ['job=\"x\"'], from: 2026-12-24T22:00Z, to: 2027-01-24T22:00Z }"), 2, 59, "'maintenance[0]' lasts 4w3d; a window lasts at most 1w, so check the dates, or split longer work into several windows" },
        { Window("{ matchers: ['job=\"x\"'], days: sat, form: \"02:00\" }"), 2, 41, "unknown key 'form' in 'maintenance[0]'; did you mean 'from'?" },
        { "maintenance: { matchers: ['job=\"x\"'], days: sat }", 1, 14, "'maintenance' must be a list of windows" },
        { "timezone: Europe/Berln\n" + Window("{ matchers: ['job=\"x\"'], days: sat }"), 1, 11, "'timezone' is \"Europe/Berln\", which is not a time zone" },
    };

    /// <summary>The file is the repository's people's, and each window costs silences in a shared Alertmanager.</summary>
    [Fact]
    public void A_repository_has_a_bounded_number_of_windows()
    {
        var windows = string.Concat(Enumerable.Range(0, MaintenanceSection.MaxWindows + 1).Select(i => $"  - {{ matchers: ['job=\"j{i}\"'], days: sat }}\n"));

        var result = IncidentConfigParser.Parse("maintenance:\n" + windows);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.StartsWith($"'maintenance' has {MaintenanceSection.MaxWindows + 1} windows; at most {MaintenanceSection.MaxWindows} are allowed", error.Message, StringComparison.Ordinal);
        Assert.True(IncidentConfigParser.Parse("maintenance:\n" + windows[..windows.LastIndexOf("  - ", StringComparison.Ordinal)]).IsValid);
    }

    [Fact]
    public void Mangled_windows_give_located_errors_and_windows_that_answer()
    {
        const string valid = """
            timezone: Europe/Berlin
            maintenance:
              - { matchers: ['namespace="db"'], from: 2026-12-24T22:00Z, to: 2026-12-25T02:00Z }
              - { matchers: ['job=~"backup|etl"'], days: 'fri-mon', from: "22:00", to: "02:00" }
            """;
        const string syntax = "[]{}:,-\"'#&*!|>?%@` \n\t\\~0123456789Z+";
        foreach (var text in ConfigFuzz.Mangle(valid, syntax, seed: 20261224))
        {
            var result = IncidentConfigParser.Parse(text);

            Assert.True(result.IsValid || result.Errors.All(error => error.Line > 0), text);
            var at = new DateTimeOffset(2026, 12, 24, 23, 0, 0, TimeSpan.Zero);
            foreach (var window in result.Config.Maintenance)
            {
                Assert.All(window.Occurrences(at, at.AddDays(7)), occurrence => Assert.True(occurrence.End > occurrence.Start, text));
            }
        }
    }

    private static string Window(string window) => $"maintenance:\n  - {window}";
}
