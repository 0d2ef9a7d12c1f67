using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>A repository named as <c>owner/name</c>. Compared case-insensitively, as GitHub does.</summary>
public sealed partial record RepoRef
{
    public RepoRef(string owner, string name)
    {
        Owner = owner;
        Name = name;
    }

    public string Owner { get; }
    public string Name { get; }

    public override string ToString() => $"{Owner}/{Name}";

    public bool Equals(RepoRef? other) =>
        other is not null
        && string.Equals(Owner, other.Owner, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() =>
        HashCode.Combine(Owner.ToUpperInvariant(), Name.ToUpperInvariant());

    public static bool IsValidOwner(string owner) => OwnerPattern().IsMatch(owner);

    public static bool IsValidName(string name) => NamePattern().IsMatch(name) && name is not "." and not "..";

    /// <summary>Parses <c>owner/name</c>; with <paramref name="defaultOwner"/>, a bare <c>name</c> too.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RepoRef? repo, string? defaultOwner = null)
    {
        repo = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('/');
        var (owner, name) = parts.Length switch
        {
            2 => (parts[0], parts[1]),
            1 when defaultOwner is not null => (defaultOwner, parts[0]),
            _ => ("", ""),
        };
        if (!IsValidOwner(owner) || !IsValidName(name))
        {
            return false;
        }

        repo = new RepoRef(owner, name);
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")]
    private static partial Regex OwnerPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex NamePattern();
}
