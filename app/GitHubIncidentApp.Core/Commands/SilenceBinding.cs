using GitHubIncidentApp.Core.Alerts.Matchers;
using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Commands;

/// <summary>
/// Reads <c>/silence &lt;duration&gt; [matchers]</c>: a duration within the repository's maximum, then matchers in
/// Alertmanager's syntax that narrow the silence (they never replace the incident's group labels).
/// </summary>
internal static class SilenceBinding
{
    /// <summary>Narrowing matchers one command may add; a few say all a responder means.</summary>
    public const int MaxMatchers = 10;

    public static BindResult Bind(CommandLine line, CommandContext context)
    {
        var max = context.MaxSilence;
        var example = $"such as `/{line.Name} 2h` or `/{line.Name} 30m pod=~\"web-.*\"`";
        if (line.Arguments.Length == 0)
        {
            return new CommandError($"`/{line.Name}` needs a duration, {example}");
        }

        var space = line.Arguments.AsSpan().IndexOfAny(" \t\u00a0");
        var duration = space < 0 ? line.Arguments : line.Arguments[..space];
        if (!DurationText.TryParse(duration, out var length) || length < TimeSpan.FromMinutes(1) || length > max)
        {
            return new CommandError($"{InlineCode.Of(duration)} is not a duration from 1m to {DurationText.Format(max)} (this repository's longest silence): write it like `30m`, `2h` or `1d`, {example}");
        }

        var text = space < 0 ? "" : line.Arguments[space..].Trim();
        if (text.Length > CommandCatalog.MaxTextLength)
        {
            return new CommandError($"the matchers are {text.Length} characters long; keep them within {CommandCatalog.MaxTextLength}");
        }

        var parsed = MatcherSet.Parse(text);
        if (!parsed.IsValid)
        {
            return new CommandError($"the matchers {InlineCode.Of(text)} are not Alertmanager's syntax: {parsed.Error}; write them like `pod=~\"web-.*\", zone!=\"eu\"`");
        }

        return parsed.Value.Matchers.Count > MaxMatchers
            ? new CommandError($"{parsed.Value.Matchers.Count} matchers are more than a silence from an issue takes ({MaxMatchers}); narrow with fewer")
            : new SilenceCommand(length, parsed.Value.Matchers);
    }
}
