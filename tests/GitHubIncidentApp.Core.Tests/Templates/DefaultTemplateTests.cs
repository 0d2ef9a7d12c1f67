using GitHubIncidentApp.Core.Templates;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.Templates;

public sealed class DefaultTemplateTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero));
    private readonly IncidentRenderer _renderer = new(TemplateSources.BuiltIn, timeProvider: Clock);

    private static void Out(string s) => File.AppendAllText("/tmp/dump.md", s + "\n");

    [Fact]
    public void Dump()
    {
        foreach (var f in new[] { "firing-critical.json", "firing-truncated.json", "resolved.json" })
        {
            var view = Views.Fixture(f);
            Out("=== " + f);
            Out(_renderer.RenderTitle(view).Text);
            Out(_renderer.RenderBody(view, 65536).Text);
            foreach (var e in new[] { "changed", "resolved", "reopened" })
            {
                Out("--- comment " + e);
                Out(_renderer.RenderComment(view with { Event = e, NewAlerts = view.Alerts, ResolvedAlerts = view.Alerts }).Text);
            }
        }
    }
}
