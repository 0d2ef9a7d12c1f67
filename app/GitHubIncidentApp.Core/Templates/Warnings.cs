namespace GitHubIncidentApp.Core.Templates;

/// <summary>Ordered, de-duplicated warnings: a render may be retried many times while fitting.</summary>
internal sealed class Warnings
{
    private readonly List<string> _items = [];

    public void Add(string warning)
    {
        if (!_items.Contains(warning))
        {
            _items.Add(warning);
        }
    }

    public IReadOnlyList<string> ToList() => [.. _items];
}
