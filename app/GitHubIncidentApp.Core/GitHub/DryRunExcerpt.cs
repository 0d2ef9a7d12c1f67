namespace GitHubIncidentApp.Core.GitHub;

/// <summary>What a dry run's log shows of a body it would write: enough to judge it, on one line.</summary>
internal static class DryRunExcerpt
{
    private const int CommentLength = 200;
    private const int BodyLines = 4;
    private const int BodyLength = 300;

    /// <summary>The comment's first 200 characters.</summary>
    public static string Comment(string body) => Cut(body, CommentLength);

    /// <summary>
    /// The first few lines a reader sees, joined with " ⏎ ": blank lines and hidden HTML comments (the app's
    /// markers) are left out.
    /// </summary>
    public static string Body(string body)
    {
        var lines = body.ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !(line.StartsWith("<!--", StringComparison.Ordinal) && line.EndsWith("-->", StringComparison.Ordinal)))
            .ToList();
        var start = string.Join(" ⏎ ", lines.Take(BodyLines));
        return Cut(start, BodyLength) + (lines.Count > BodyLines && start.Length <= BodyLength ? " ⏎ …" : "");
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
