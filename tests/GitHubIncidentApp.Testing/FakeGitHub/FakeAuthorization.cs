using Microsoft.AspNetCore.Http;

namespace GitHubIncidentApp.Testing.FakeGitHub;

internal static class FakeAuthorization
{
    /// <summary>The credential of <c>Authorization: Bearer x</c> or <c>Authorization: token x</c>.</summary>
    public static string? Credential(HttpContext context) => Credential(context.Request.Headers.Authorization.FirstOrDefault());

    public static string? Credential(string? header)
    {
        var space = header?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (space < 0)
        {
            return null;
        }

        var scheme = header![..space];
        return scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || scheme.Equals("token", StringComparison.OrdinalIgnoreCase)
            ? header[(space + 1)..].Trim()
            : null;
    }
}
