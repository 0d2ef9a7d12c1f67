using Scriban;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>The default templates shipped in <c>templates/</c> and compiled into this assembly.</summary>
public static class BuiltInTemplates
{
    private static readonly Dictionary<TemplateKind, Template> Parsed = Enum.GetValues<TemplateKind>().ToDictionary(kind => kind, ParseBuiltIn);

    public static string Get(TemplateKind kind)
    {
        var name = $"templates/{FileName(kind)}";
        using var stream = typeof(BuiltInTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The built-in template resource '{name}' is missing from the build; check the EmbeddedResource item in GitHubIncidentApp.Core.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string FileName(TemplateKind kind) => $"{kind.ToString().ToLowerInvariant()}.scriban";

    internal static Template GetParsed(TemplateKind kind) => Parsed[kind];

    private static Template ParseBuiltIn(TemplateKind kind)
    {
        var template = Template.Parse(Get(kind), FileName(kind));
        return template.HasErrors
            ? throw new InvalidOperationException($"The built-in {FileName(kind)} does not parse: {string.Join("; ", TemplateSyntax.Errors(template))}")
            : template;
    }
}
