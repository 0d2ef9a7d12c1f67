namespace GitHubIncidentApp.Core.Tests.Configuration;

/// <summary>Valid config files with a few YAML syntax characters thrown in, for parsers that must never throw.</summary>
internal static class ConfigFuzz
{
    public static IEnumerable<string> Mangle(string valid, string syntax, int seed, int rounds = 2_000)
    {
        var random = new Random(seed);
        for (var round = 0; round < rounds; round++)
        {
            var text = new System.Text.StringBuilder(valid);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                text.Insert(random.Next(text.Length), syntax[random.Next(syntax.Length)]);
            }

            yield return text.ToString();
        }
    }
}
