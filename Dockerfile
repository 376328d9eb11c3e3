# syntax=docker/dockerfile:1
# The Realtime server image: build (SDK + Node.js for the dashboards) → publish → ASP.NET Core runtime.
#   docker build -t realtime .            (or: docker compose up --build)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The server's build runs `npm ci && npm run build` for the dashboards (dashboards/Dashboards.targets).
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /source
COPY . .
RUN --mount=type=cache,id=realtime-nuget,target=/root/.nuget/packages \
    --mount=type=cache,id=realtime-npm,target=/root/.npm \
    dotnet publish src/Realtime.Server/Realtime.Server.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# Listen on 5080 on every interface of the container (the contract's port); the image's default 8080 is cleared.
ENV ASPNETCORE_URLS=http://0.0.0.0:5080 \
    ASPNETCORE_HTTP_PORTS=
EXPOSE 5080
# The base image's unprivileged user.
USER $APP_UID
ENTRYPOINT ["dotnet", "Realtime.Server.dll"]
