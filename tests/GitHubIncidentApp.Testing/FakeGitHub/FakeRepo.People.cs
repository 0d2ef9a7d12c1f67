namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>People of the repository: roles, who can be assigned, and assignees.</summary>
public sealed partial class FakeRepo
{
    /// <summary>
    /// Gives <paramref name="login"/> a role, served by <c>GET /collaborators/{user}/permission</c>; it also makes them
    /// assignable. <paramref name="roleName"/> is a base role (read, triage, write, maintain, admin) or an
    /// organisation's custom role, which then needs the <paramref name="baseRole"/> it extends.
    /// </summary>
    public void SetRole(string login, string roleName, string? baseRole = null)
    {
        if (FakeRole.BaseRoles.Contains(roleName))
        {
            baseRole = baseRole is null || baseRole == roleName ? roleName : throw new ArgumentException(
                $"'{roleName}' is a base role, so it cannot extend '{baseRole}': leave baseRole out.", nameof(baseRole));
        }
        else if (baseRole is not ("read" or "triage" or "write" or "maintain"))
        {
            throw new ArgumentException(
                $"Custom role '{roleName}' needs the base role it extends: read, triage, write or maintain (was '{baseRole}').", nameof(baseRole));
        }

        lock (_gate)
        {
            _roles[login] = new FakeRole(login, roleName, baseRole);
        }
    }

    /// <summary>Lets <paramref name="login"/> be assigned without a role (as GitHub does for, e.g., organisation members).</summary>
    public void AddAssignable(string login)
    {
        lock (_gate)
        {
            _assignable[login] = login;
        }
    }

    internal FakeRole? FindRole(string login)
    {
        lock (_gate)
        {
            return _roles.GetValueOrDefault(login);
        }
    }

    /// <summary>
    /// The logins GitHub would keep from an <c>assignees</c> list: those with a role or made assignable, in
    /// their registered spelling, each once, at most <see cref="MaxAssignees"/>; the rest are silently dropped.
    /// </summary>
    internal IReadOnlyList<string> Assignable(IEnumerable<string> logins)
    {
        lock (_gate)
        {
            return [.. Canonical(logins).Take(MaxAssignees)];
        }
    }

    /// <summary>Adds the assignable ones of <paramref name="logins"/> up to <see cref="MaxAssignees"/> in all; null for an unknown issue.</summary>
    internal FakeIssue? AddAssignees(int number, IEnumerable<string> logins) =>
        ChangeAssignees(number, assignees => assignees.Concat(Canonical(logins)));

    internal FakeIssue? RemoveAssignees(int number, IEnumerable<string> logins) =>
        ChangeAssignees(number, assignees => assignees.Except(logins, StringComparer.OrdinalIgnoreCase));

    private FakeIssue? ChangeAssignees(int number, Func<IReadOnlyList<string>, IEnumerable<string>> change)
    {
        lock (_gate)
        {
            if (number < 1 || number > _issues.Count)
            {
                return null;
            }

            var issue = _issues[number - 1];
            var assignees = change(issue.Assignees).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxAssignees);
            issue = issue with { Assignees = [.. assignees], UpdatedAt = _time.GetUtcNow() };
            _issues[number - 1] = issue;
            return issue;
        }
    }

    /// <summary>The assignable ones of <paramref name="logins"/>, spelt as registered, each once.</summary>
    private IEnumerable<string> Canonical(IEnumerable<string> logins) =>
        logins
            .Select(login => _roles.TryGetValue(login, out var role) ? role.Login : _assignable.GetValueOrDefault(login))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
