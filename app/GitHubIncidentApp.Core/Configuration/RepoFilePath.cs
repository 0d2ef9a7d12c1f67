namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// A path to a file inside a repository, as the config names one (templates, <c>_extends</c>), checked after
/// percent-encoding is decoded: the contents API decodes <c>%2e%2e</c> into <c>..</c>, so checking the text as
/// written would let an encoded path leave the folder it seems to stay in.
/// </summary>
public static class RepoFilePath
{
    /// <summary>Decoding more often than this means the path hides what it is; nobody writes a path so.</summary>
    public const int MaxDecodings = 3;

    /// <summary>
    /// What is wrong with <paramref name="value"/>, completing "'name' ...", or null with the decoded
    /// <paramref name="path"/> to use.
    /// </summary>
    public static string? Normalize(string value, out string path)
    {
        path = value;
        if (value.Length == 0)
        {
            return "is empty; give a path in the repository such as .github/incident-templates/body.scriban, or remove the key to use the built-in template";
        }

        for (var decodings = 0; path.Contains('%', StringComparison.Ordinal); decodings++)
        {
            var decoded = Uri.UnescapeDataString(path);
            if (decoded == path)
            {
                // Left as it was: not a %XX escape of valid UTF-8.
                return $"is \"{value}\", which has a '%' that is no valid percent-encoding; write the path plainly, without '%'";
            }

            if (decodings == MaxDecodings)
            {
                return $"is \"{value}\", which is percent-encoded more than {MaxDecodings} times over; write the path plainly";
            }

            path = decoded;
        }

        return SegmentProblem(value, path);
    }

    private static string? SegmentProblem(string value, string path)
    {
        if (path.Any(char.IsControl))
        {
            return $"is \"{Printable(value)}\", which has a control character; give a plain path";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return $"is \"{value}\"; separate folders with '/', not '\\'";
        }

        if (path.StartsWith('/'))
        {
            return $"is \"{value}\"; give the path relative to the repository root, without the leading '/'";
        }

        var segments = path.Split('/');
        if (segments.Contains(".."))
        {
            return $"is \"{value}\", which leaves the repository through '..'; give a path inside it";
        }

        if (segments.Contains("."))
        {
            return $"is \"{value}\", which has a '.' folder; leave out the './' parts";
        }

        return segments.Contains("")
            ? $"is \"{value}\", which has an empty folder name ('//' or a trailing '/'); name the file itself"
            : null;
    }

    private static string Printable(string value) => string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
