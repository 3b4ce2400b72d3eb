# syntax=docker/dockerfile:1
# KnowledgeBase: build with the .NET SDK image, run on the ASP.NET runtime image (Ubuntu-based, glibc:
# LibGit2Sharp's native library and the git CLI both need it).

# The studio editor's bundle (CodeMirror from npm, esbuild), from the committed lock file.
FROM node:22-bookworm-slim AS client
WORKDIR /client
COPY src/KbServer/client/package.json src/KbServer/client/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY src/KbServer/client/editor.js ./
RUN mkdir -p /StudioAssets/lib && npx esbuild editor.js --bundle --minify --format=iife --target=es2020 --outfile=/StudioAssets/lib/kb-editor.js

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the layer is cached until dependencies change.
COPY global.json Directory.Build.props Directory.Packages.props KnowledgeBase.sln ./
COPY src/KbCore/KbCore.csproj src/KbCore/
COPY src/KbServer/KbServer.csproj src/KbServer/
# One runtime identifier: ONNX Runtime (search by meaning) ships native libraries for every platform otherwise (+300 MB).
RUN dotnet restore src/KbServer/KbServer.csproj -r linux-x64
COPY src/ src/
COPY --from=client /StudioAssets/lib/ src/KbServer/StudioAssets/lib/
RUN dotnet publish src/KbServer/KbServer.csproj -c Release -r linux-x64 --self-contained false -o /app --no-restore -p:SkipClientBuild=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# git: the content repository is served to people's clones through git http-backend.
RUN apt-get update \
    && apt-get install -y --no-install-recommends git curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY themes/ ./themes/
COPY content/ ./content/
RUN mkdir -p /data && chown "$APP_UID" /data
ENV DataDirectory=/data \
    Content__SeedDirectory=/app/content \
    Themes__Directory=/app/themes \
    ASPNETCORE_HTTP_PORTS=8080
VOLUME ["/data"]
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 CMD curl -fsS http://localhost:8080/healthz/ready || exit 1
ENTRYPOINT ["dotnet", "KbServer.dll"]
