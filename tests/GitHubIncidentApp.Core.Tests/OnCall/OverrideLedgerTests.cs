using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Tests.OnCall;

public sealed class OverrideLedgerTests
{
    [Fact]
    public void Overrides_round_trip_through_the_issue_body_and_show_as_a_table()
    {
        OnCallOverride[] overrides =
        [
            new("primary", "carol", new DateTime(2026, 11, 23, 10, 0, 0), new DateTime(2026, 11, 23, 14, 0, 0)),
            new("weekend", "dave", new DateTime(2026, 11, 28, 0, 0, 0), new DateTime(2026, 11, 29, 0, 0, 0)),
        ];

        var body = OverrideLedger.Render(overrides);

        Assert.Contains("| primary | @carol | 2026-11-23T10:00 | 2026-11-23T14:00 |", body, StringComparison.Ordinal);
        Assert.Equal(overrides, OverrideLedger.Read("someone's note above\n" + body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<!-- incident-app-overrides: [{\"Rotation\":\"p\"}] -->")]
    [InlineData("<!-- incident-app-overrides: [not json] -->")]
    public void A_missing_or_broken_ledger_holds_no_overrides(string? body) => Assert.Empty(OverrideLedger.Read(body));
}
