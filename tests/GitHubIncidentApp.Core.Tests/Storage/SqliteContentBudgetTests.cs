namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class SqliteContentBudgetTests() : ContentBudgetContractTests(new SqliteBackend());
