using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Value checks for <see cref="ConfigReader"/>: each returns what is wrong, completing "'name' ...",
/// or null when the value is fine.
/// </summary>
internal static class ConfigChecks
{
    /// <summary>GitHub refuses longer label names.</summary>
    public const int MaxLabelLength = 50;

    public static string? NotEmpty(string value) => value.Length == 0 ? "is empty; give it a value or remove the key" : null;

    public static string? LabelName(string value) => value.Length switch
    {
        0 => "is empty; a GitHub label needs a name",
        > MaxLabelLength => $"is {value.Length} characters long; GitHub allows at most {MaxLabelLength} in a label name",
        _ => null,
    };

    /// <summary>A template's length is known only once rendered, so only plain labels are measured here.</summary>
    public static string? LabelOrTemplate(string value) => TemplateSyntax.IsLabelTemplate(value) ? null : LabelName(value);

    public static string? AlertLabelName(string value) =>
        value.Length == 0 ? "is empty; name an alert label such as severity or alertname" : null;

    public static string? Color(string value) =>
        TryNormalizeColor(value, out _) ? null : $"is \"{value}\", which is not a color; write six hex digits such as b60205 (with a leading #, quote it: \"#b60205\")";

    /// <summary>Six lower-case hex digits without '#', the form GitHub's label API takes.</summary>
    public static bool TryNormalizeColor(string value, out string color)
    {
        var hex = value.StartsWith('#') ? value[1..] : value;
        color = hex.ToLowerInvariant();
        return hex.Length == 6 && hex.All(char.IsAsciiHexDigit);
    }

    public static string? Permission(string value) => TryParsePermission(value, out _)
        ? null
        : $"is \"{value}\", which is not a permission; use one of {string.Join(", ", Enum.GetNames<RepoPermission>().Select(name => name.ToLowerInvariant()))}";

    /// <summary>A repository role by name, ignoring case; numbers, which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would take, are not names.</summary>
    public static bool TryParsePermission(string value, out RepoPermission permission)
    {
        foreach (var candidate in Enum.GetValues<RepoPermission>())
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                permission = candidate;
                return true;
            }
        }

        permission = RepoPermission.None;
        return false;
    }

    /// <summary>Templates are read from the repository through the contents API, so the path must stay inside it.</summary>
    public static string? RepositoryPath(string value) => RepoFilePath.Normalize(value, out _);
}
