# The Action's image (the App's is deploy/Dockerfile). At the repository root because a Docker action builds its
# Dockerfile with the file's folder as the context, and the Action builds on the core library beside it:
#   docker build -t incident-action .
# action.yml builds it on every run of a branch; .github/workflows/release-action.yml publishes it for release tags.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY templates/ templates/
COPY app/GitHubIncidentApp.Core/ app/GitHubIncidentApp.Core/
COPY action/GitHubIncidentApp.Action/ action/GitHubIncidentApp.Action/
RUN dotnet publish action/GitHubIncidentApp.Action/GitHubIncidentApp.Action.csproj -c Release -o /out

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /action
COPY --from=build /out ./
ENTRYPOINT ["dotnet", "/action/GitHubIncidentApp.Action.dll"]
