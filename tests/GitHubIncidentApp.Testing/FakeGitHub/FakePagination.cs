using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>GitHub's <c>per_page</c>/<c>page</c> paging with a <c>Link</c> header of absolute URLs.</summary>
internal static class FakePagination
{
    private const int DefaultPageSize = 30;
    private const int MaxPageSize = 100;

    public static IReadOnlyList<T> Page<T>(HttpContext context, Uri baseUrl, IReadOnlyList<T> all)
    {
        var query = context.Request.Query;
        var perPage = int.TryParse(query["per_page"], out var size) ? Math.Clamp(size, 1, MaxPageSize) : DefaultPageSize;
        var page = int.TryParse(query["page"], out var number) && number > 0 ? number : 1;
        var lastPage = Math.Max(1, (all.Count + perPage - 1) / perPage);

        var links = new List<string>();
        if (page > 1)
        {
            links.Add(Link(context, baseUrl, Math.Min(page - 1, lastPage), "prev"));
        }

        if (page < lastPage)
        {
            links.Add(Link(context, baseUrl, page + 1, "next"));
            links.Add(Link(context, baseUrl, lastPage, "last"));
        }

        if (page > 1)
        {
            links.Add(Link(context, baseUrl, 1, "first"));
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        return [.. all.Skip((page - 1) * perPage).Take(perPage)];
    }

    private static string Link(HttpContext context, Uri baseUrl, int page, string rel)
    {
        var query = context.Request.Query
            .Where(pair => pair.Key != "page")
            .Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value.ToString()))
            .Append(KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture)));
        var url = new Uri(baseUrl, context.Request.Path.Value!.TrimStart('/') + QueryString.Create(query));
        return $"<{url}>; rel=\"{rel}\"";
    }
}
