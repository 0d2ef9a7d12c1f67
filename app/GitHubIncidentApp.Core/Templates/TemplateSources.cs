namespace GitHubIncidentApp.Core.Templates;

/// <summary>Template source texts from the target repository; null means use the built-in one.</summary>
public sealed record TemplateSources(string? Title = null, string? Body = null, string? Comment = null, string? Postmortem = null)
{
    public static TemplateSources BuiltIn { get; } = new();

    /// <summary>Where the repository templates came from (e.g. <c>.github/incident/body.scriban</c>), named in problems and warnings.</summary>
    public string? TitlePath { get; init; }

    public string? BodyPath { get; init; }

    public string? CommentPath { get; init; }

    public string? PostmortemPath { get; init; }

    internal string? SourceOf(TemplateKind kind) => kind switch
    {
        TemplateKind.Title => Title,
        TemplateKind.Body => Body,
        TemplateKind.Postmortem => Postmortem,
        _ => Comment,
    };

    internal string? PathOf(TemplateKind kind) => kind switch
    {
        TemplateKind.Title => TitlePath,
        TemplateKind.Body => BodyPath,
        TemplateKind.Postmortem => PostmortemPath,
        _ => CommentPath,
    };
}
