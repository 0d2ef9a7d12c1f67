namespace GitHubIncidentApp;

/// <summary>
/// The arguments of a command-line verb: <c>--name value</c> options from a known list and at most a few
/// positional values. Anything else is a usage error, reported as "unexpected argument".
/// </summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    private CommandArgs()
    {
    }

    public IReadOnlyList<string> Positional => _positional;

    /// <summary>The value given for <paramref name="option"/> (such as <c>--repo-dir</c>), or null.</summary>
    public string? this[string option] => _options.GetValueOrDefault(option);

    /// <returns>The parsed arguments, or null with <paramref name="error"/> saying which argument was not expected.</returns>
    public static CommandArgs? Parse(string[] args, IReadOnlyCollection<string> options, int maxPositional, out string? error)
    {
        var parsed = new CommandArgs();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (options.Contains(arg) && i + 1 < args.Length && !parsed._options.ContainsKey(arg))
            {
                parsed._options[arg] = args[++i];
            }
            else if (!arg.StartsWith("--", StringComparison.Ordinal) && parsed._positional.Count < maxPositional)
            {
                parsed._positional.Add(arg);
            }
            else
            {
                error = options.Contains(arg) && i + 1 == args.Length
                    ? $"option '{arg}' needs a value"
                    : $"unexpected argument '{arg}'";
                return null;
            }
        }

        error = null;
        return parsed;
    }
}
