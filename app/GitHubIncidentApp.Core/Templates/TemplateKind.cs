namespace GitHubIncidentApp.Core.Templates;

public enum TemplateKind
{
    Title,
    Body,
    Comment,
}
