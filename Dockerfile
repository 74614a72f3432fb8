# hanzo-qml HTTP service: `hanzo-qml serve` on port 8072 (API) and 9090 (Prometheus metrics).
#
#   docker build -t hanzo-qml .
#   docker run -p 8072:8072 -p 9090:9090 -v qml-data:/var/lib/hanzo-qml \
#     -v $PWD/config.yaml:/etc/hanzo-qml/config.yaml:ro -e HANZO_QML_JWT_KEY=… hanzo-qml
#
# Without auth configured the server binds 127.0.0.1 only (see deploy/config.yaml and docs/SERVICE.md).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the package restore is cached until a project file changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Hanzo.Qml/Hanzo.Qml.csproj src/Hanzo.Qml/
COPY src/Hanzo.Qml.Reports/Hanzo.Qml.Reports.csproj src/Hanzo.Qml.Reports/
COPY src/Hanzo.Qml.Server/Hanzo.Qml.Server.csproj src/Hanzo.Qml.Server/
COPY src/Hanzo.Qml.Cli/Hanzo.Qml.Cli.csproj src/Hanzo.Qml.Cli/
RUN dotnet restore src/Hanzo.Qml.Cli/Hanzo.Qml.Cli.csproj -p:Configuration=Release
# The library embeds the built-in datasets from datasets/.
COPY datasets/ datasets/
COPY src/ src/
RUN dotnet publish src/Hanzo.Qml.Cli/Hanzo.Qml.Cli.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY deploy/config.yaml /etc/hanzo-qml/config.yaml
# The SQLite database lives on a volume owned by the image's non-root user ($APP_UID, defined by the base image).
RUN mkdir -p /var/lib/hanzo-qml && chown "$APP_UID:$APP_UID" /var/lib/hanzo-qml
VOLUME /var/lib/hanzo-qml
# The base image's default listener (8080) does not apply: the service binds from its own configuration.
ENV ASPNETCORE_HTTP_PORTS=
EXPOSE 8072 9090
USER $APP_UID
WORKDIR /var/lib/hanzo-qml
# The runtime image has neither curl nor wget: bash's /dev/tcp sends the request. It checks port 8072 (or
# $HANZO_QML_PORT); change it if your config moves the API port.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "p=${HANZO_QML_PORT:-8072}; exec 3<>/dev/tcp/127.0.0.1/$p && printf 'GET /v1/health HTTP/1.1\r\nHost: localhost:%s\r\nConnection: close\r\n\r\n' $p >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "/app/hanzo-qml.dll", "serve"]
